import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../../shared/domain/enums.js';
import { EXPORT_LISTS, type ExportList } from '../../../shared/people/contract.js';
import type { AuditEntry } from '../../../shared/people/types.js';
import { useApi } from '../../components/useApi';
import { formatDateTime } from '../../components/formatDate';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import { ExportButton } from './ExportButton';
import { useRegText } from './text';

const COLOR = { export: 'blue', reveal: 'orange', import: 'green' } as const;

type T = ReturnType<typeof useT>['t'];

/**
 * What an entry records, in the reader's language. The stored description is written once, in
 * Chinese (it syncs to HQ as it is); in English it is said again from the entry's own fields, so an
 * English reader sees no Chinese sentence (only the names of people and files, which are data).
 */
function describe(a: AuditEntry, t: T, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return a.description;
  if (a.kind === 'reveal') return t('audit.desc.reveal', { name: a.subjectName ?? '—' });
  if (a.kind === 'import') return t('audit.desc.import', { file: a.fileName ?? '—', n: a.rowCount });
  const list = EXPORT_LISTS.find((l): l is ExportList => l === a.filter?.list);
  const what = list ? t(`audit.list.${list}` as MessageKey) : '—';
  return t(a.fullIds ? 'audit.desc.exportFull' : 'audit.desc.export', { list: what, n: a.rowCount });
}

/** Who exported, revealed or imported what, and when (DOMAIN.md, Privacy). */
export function AuditPanel() {
  const r = useRegText();
  const { t, label, lang } = useT();
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
          { title: r('audit.kind'), dataIndex: 'kind', width: 110, render: (k: AuditEntry['kind']) => <Tag color={COLOR[k]} data-testid="audit-tag">{r(`audit.${k}`)}</Tag> },
          { title: r('audit.who'), width: 190, ellipsis: true, render: (_, a) => t('audit.by', { name: a.userName, role: label(ROLES, a.role) }) },
          { title: r('audit.what'), dataIndex: 'description', render: (_, a) => <span data-testid="audit-what">{describe(a, t, lang)}</span> },
          { title: r('audit.rows'), dataIndex: 'rowCount', width: 70, align: 'right' },
          { title: r('audit.full'), dataIndex: 'fullIds', width: 110, render: (v: boolean) => (v ? <Tag color="red" data-testid="audit-tag">{t('audit.yes')}</Tag> : '') },
        ]}
      />
    </Space>
  );
}
