// 操作日志: every administrative action in the user's scope, who, when, what, before and after.
import { Alert, Table } from 'antd';
import type { AuditRow } from '../../shared/console/types.js';
import { get } from './api';
import { formatDateTime } from '../components/formatDate';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

const short = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 90));

export function Audit() {
  const { t, lang } = useCT();
  const a = useLoad(() => get<AuditRow[]>('audit'), []);
  return (
    <>
      {a.error && <Alert type="error" showIcon title={errorText(a.error, lang)} />}
      <Table<AuditRow> size="small" loading={a.loading} rowKey={(r) => [r.at, r.action, r.target].join('|')} dataSource={a.data ?? []} pagination={{ pageSize: 14 }} data-testid="audit-table"
        columns={[
          { title: t('c.a.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('c.a.user'), dataIndex: 'userName', width: 90 },
          { title: t('c.a.action'), dataIndex: 'action', width: 130 },
          { title: t('c.a.target'), dataIndex: 'target', width: 220, ellipsis: true },
          { title: t('c.a.scope'), dataIndex: 'scopePath', width: 160 },
          { title: t('c.a.before'), dataIndex: 'before', ellipsis: true, render: short },
          { title: t('c.a.after'), dataIndex: 'after', ellipsis: true, render: short },
        ]} />
    </>
  );
}
