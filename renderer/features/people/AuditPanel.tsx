import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../../shared/domain/enums.js';
import type { AuditEntry } from '../../../shared/people/types.js';
import { useApi } from '../../components/useApi';
import { formatDateTime } from '../../components/formatDate';
import { useT } from '../../i18n';
import { ExportButton } from './ExportButton';
import { useRegText } from './text';

const COLOR = { export: 'blue', reveal: 'orange', import: 'green' } as const;

/** Who exported, revealed or imported what, and when (DOMAIN.md, Privacy). */
export function AuditPanel() {
  const r = useRegText();
  const { label } = useT();
  const [kind, setKind] = useState<AuditEntry['kind'] | undefined>();
  const [page, setPage] = useState(1);
  const data = useApi('registry.audit', { kind, limit: 50, offset: (page - 1) * 50 });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select allowClear style={{ width: 160 }} placeholder={r('audit.kind')} value={kind} onChange={(v) => { setKind(v); setPage(1); }}
          options={(['export', 'reveal', 'import'] as const).map((k) => ({ value: k, label: r(`audit.${k}`) }))} />
        <ExportButton size="small" input={{ list: 'audit', kind }} />
      </Space>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={data.loading}
        dataSource={data.data?.rows ?? []}
        pagination={{ current: page, pageSize: 50, total: data.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { title: r('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
          { title: r('audit.kind'), dataIndex: 'kind', width: 110, render: (k: AuditEntry['kind']) => <Tag color={COLOR[k]}>{r(`audit.${k}`)}</Tag> },
          { title: r('audit.who'), width: 170, render: (_, a) => `${a.userName}（${label(ROLES, a.role)}）` },
          { title: r('audit.what'), dataIndex: 'description' },
          { title: r('audit.rows'), dataIndex: 'rowCount', width: 70 },
          { title: r('audit.full'), dataIndex: 'fullIds', width: 110, render: (v: boolean) => (v ? <Tag color="red">是</Tag> : '') },
        ]}
      />
    </Space>
  );
}
