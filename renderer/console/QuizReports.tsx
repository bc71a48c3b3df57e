// 错题反馈: the questions players reported as wrong (from the user's scope), most reported first, each
// with every report; an HQ administrator retires a question from here once it is found wrong.
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { QuestionReports } from '../../shared/console/quiz.js';
import type { ConsoleSession } from '../../shared/console/types.js';
import { formatDateTime } from '../components/formatDate';
import { get, post } from './api';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

type Report = QuestionReports['reports'][number];

export function QuizReports({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const list = useLoad(() => get<QuestionReports[]>('v1/quiz/reports'), []);
  // Every question opened on arrival (the reports are what the page is for); the user may fold them.
  const [folded, setFolded] = useState<Set<string>>(new Set());
  const retire = async (q: QuestionReports) => {
    try {
      await post(`v1/quiz/questions/${q.questionId}/retire`, {});
      void message.success(t('q.retired'));
      list.reload();
    } catch (e) {
      void message.error(errorText(e, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={list.reload}>{t('c.reload')}</Button>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, lang)} />}
      <Table<QuestionReports> size="small" rowKey="questionId" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 10, showSizeChanger: false }} data-testid="quiz-reports"
        locale={{ emptyText: t('q.rp.empty') }}
        expandable={{
          expandedRowKeys: (list.data ?? []).map((q) => q.questionId).filter((id) => !folded.has(id)),
          onExpand: (open, q) => setFolded((f) => {
            const n = new Set(f);
            if (open) n.delete(q.questionId);
            else n.add(q.questionId);
            return n;
          }),
          expandedRowRender: (q) => (
            <Table<Report> size="small" rowKey="id" dataSource={q.reports} pagination={false}
              columns={[
                { title: t('q.rp.text'), dataIndex: 'text' },
                { title: t('q.rp.by'), dataIndex: 'reportedBy', width: 140 },
                { title: t('q.rp.scope'), dataIndex: 'scopePath', width: 180 },
                { title: t('q.rp.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
              ]} />
          ),
        }}
        columns={[
          { title: t('q.stem'), key: 's', render: (_, q) => q.stem || <Typography.Text type="secondary">{t('q.rp.unknown')}</Typography.Text> },
          { title: t('q.reportsCol'), key: 'n', width: 100, render: (_, q) => <Tag color="orange">{q.reports.length} {t('q.rp.count')}</Tag> },
          { title: t('q.status'), key: 'st', width: lang === 'en' ? 190 : 150, render: (_, q) => q.retiredOn
            ? <Tag>{t('q.retiredOn', { date: q.retiredOn })}</Tag>
            : me.role === 'hq_admin' && q.stem
              ? <Popconfirm title={t('q.retireConfirm')} onConfirm={() => void retire(q)} okButtonProps={{ danger: true }}><Button size="small" danger>{t('q.retire')}</Button></Popconfirm>
              : <Tag color="green">{t('q.live')}</Tag> },
        ]} />
    </Space>
  );
}
