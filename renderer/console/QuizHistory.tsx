// 修改记录 of the quiz: every import, retirement, reward change and decision with who made it, when,
// and the before and after HQ recorded (the console's audit, read for the quiz alone).
import { Alert, Button, Space, Table } from 'antd';
import type { AuditRow } from '../../shared/console/types.js';
import { formatDateTime } from '../components/formatDate';
import { get } from './api';
import { useCT, type CKey } from './i18n';
import { errorText, useLoad } from './useLoad';

const short = (v: unknown) => {
  if (v === null || v === undefined) return '—';
  const s = JSON.stringify(v);
  return s.length > 90 ? `${s.slice(0, 88)}…` : s;
};

export function QuizHistory() {
  const { t, lang } = useCT();
  const list = useLoad(() => get<AuditRow[]>('v1/quiz/history'), []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={list.reload}>{t('c.reload')}</Button>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, lang)} />}
      <Table<AuditRow> size="small" rowKey={(a) => [a.at, a.action, a.target ?? ''].join('|')} loading={list.loading} dataSource={list.data ?? []}
        pagination={{ pageSize: 12, showSizeChanger: false }} data-testid="quiz-history" locale={{ emptyText: t('q.hi.empty') }}
        columns={[
          { title: t('q.hi.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('c.ref.by'), dataIndex: 'userName', width: 110 },
          { title: t('q.hi.action'), dataIndex: 'action', width: lang === 'en' ? 130 : 100, render: (a: string) => t(`q.hi.${a.slice(5)}` as CKey) ?? a },
          { title: t('q.hi.scope'), dataIndex: 'scopePath', width: 150 },
          { title: t('c.ref.before'), dataIndex: 'before', render: (v: unknown) => <code style={{ fontSize: 12 }}>{short(v)}</code> },
          { title: t('c.ref.after'), dataIndex: 'after', render: (v: unknown) => <code style={{ fontSize: 12 }}>{short(v)}</code> },
        ]} />
    </Space>
  );
}
