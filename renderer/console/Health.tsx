// 同步状况: conflict records and writes HQ refused across the user's scope, filterable.
import { Alert, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ConsoleSession, HealthRow, HealthView } from '../../shared/console/types.js';
import { get } from './api';
import { formatDateTime } from '../components/formatDate';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

export function Health({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const [kind, setKind] = useState<'all' | 'conflict' | 'rejected'>('all');
  const [scope, setScope] = useState(me.scopePath);
  const [tbl, setTbl] = useState('');
  const units = useLoad(() => get<{ name: string; path: string; level: string }[]>('units'), []);
  const h = useLoad(() => get<HealthView>('health', { kind, scopePath: scope, tbl: tbl || undefined }), [kind, scope, tbl]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('c.h.kind')}</Typography.Text>
        <Select style={{ width: 110 }} value={kind} onChange={setKind} options={(['all', 'conflict', 'rejected'] as const).map((k) => ({ value: k, label: t(`c.h.${k}`) }))} />
        <Typography.Text>{t('c.h.scope')}</Typography.Text>
        <Select style={{ width: 260 }} value={scope} onChange={setScope}
          options={[{ value: me.scopePath, label: me.scopePath }, ...(units.data ?? []).filter((u) => u.path !== me.scopePath).map((u) => ({ value: u.path, label: `${u.name} (${u.path})` }))]} />
        <Typography.Text>{t('c.h.table')}</Typography.Text>
        <Input.Search style={{ width: 180 }} allowClear onSearch={setTbl} placeholder="people / activities …" />
        {h.data && <Typography.Text type="secondary">{t('c.h.total', { n: h.data.total })}</Typography.Text>}
      </Space>
      {h.error && <Alert type="error" showIcon title={errorText(h.error, lang)} />}
      <Table<HealthRow> size="small" loading={h.loading} rowKey={(r) => [r.kind, r.tbl, r.rowId, r.at, r.detail].join('|')} dataSource={h.data?.rows ?? []} pagination={{ pageSize: 14 }}
        columns={[
          { title: t('c.h.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('c.h.kind'), dataIndex: 'kind', width: 80, render: (k: 'conflict' | 'rejected') => <Tag color={k === 'rejected' ? 'red' : 'orange'}>{t(`c.h.${k}`)}</Tag> },
          { title: t('c.h.table'), dataIndex: 'tbl', width: 130 },
          { title: t('c.h.scope'), dataIndex: 'scopePath', width: 190 },
          { title: t('c.h.detail'), dataIndex: 'detail' },
        ]} />
    </Space>
  );
}
