// 题库: the question bank HQ sends down. The template to fill in, an Excel file checked row by row
// before anything is imported (BankImport), and every question with its reports; a question is
// retired, never deleted (its past answers stay). Only an HQ administrator changes the bank.
import { Alert, App, Button, Input, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { QuestionRow } from '../../shared/console/quiz.js';
import type { ConsoleSession } from '../../shared/console/types.js';
import { DIFFICULTIES, LETTERS, QUESTION_KINDS } from '../../shared/quiz/bank.js';
import { get, post } from './api';
import { BankImport, type PickedFile } from './QuizImport';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

const base64 = (buf: ArrayBuffer): string => {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export function QuizBank({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const admin = me.role === 'hq_admin';
  const list = useLoad(() => get<QuestionRow[]>('v1/quiz/questions'), []);
  const [showRetired, setShowRetired] = useState(false);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const rows = useMemo(() => (list.data ?? []).filter((q) => (showRetired || !q.retiredOn) && (!search || q.stem.includes(search.trim()))), [list.data, showRetired, search]);
  const live = (list.data ?? []).filter((q) => !q.retiredOn).length;

  const retire = async (q: QuestionRow) => {
    try {
      await post(`v1/quiz/questions/${q.id}/retire`, {});
      void message.success(t('q.retired'));
      list.reload();
    } catch (e) {
      void message.error(errorText(e, lang));
    }
  };
  const answerText = (q: QuestionRow) => (q.kind === 'judge' ? (q.answer === 'A' ? (lang === 'en' ? 'True' : '正确') : lang === 'en' ? 'False' : '错误') : q.answer);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!admin && <Alert type="info" showIcon title={t('q.readOnly')} />}
      <Space wrap>
        <Button icon={<DownloadOutlined />} href="/console/api/v1/quiz/template" download="题库模板.xlsx" data-testid="quiz-template">{t('q.template')}</Button>
        {admin && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => {
            void f.arrayBuffer().then((b) => setPicked({ fileName: f.name, base64: base64(b) }));
            return false;
          }}>
            <Button type="primary" icon={<UploadOutlined />} data-testid="quiz-upload">{t('q.upload')}</Button>
          </Upload>
        )}
        <Input.Search allowClear placeholder={t('q.search')} style={{ width: 220 }} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} />
        <Space size={4}><Switch size="small" checked={showRetired} onChange={setShowRetired} aria-label={t('q.showRetired')} /><span>{t('q.showRetired')}</span></Space>
        <Button onClick={list.reload}>{t('c.reload')}</Button>
        {list.data && <Typography.Text type="secondary" data-testid="quiz-count">{t('q.count', { n: list.data.length, live })}</Typography.Text>}
      </Space>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, lang)} />}
      <Table<QuestionRow> size="small" rowKey="id" loading={list.loading} dataSource={rows} pagination={{ pageSize: 12, showSizeChanger: false }} data-testid="quiz-bank"
        locale={{ emptyText: t('q.empty') }}
        columns={[
          { title: t('q.level'), dataIndex: 'level', width: 60 },
          { title: t('q.kind'), key: 'kind', width: lang === 'en' ? 120 : 60, render: (_, q) => QUESTION_KINDS[q.kind]?.[lang] ?? q.kind },
          { title: t('q.stem'), key: 'stem', ellipsis: { showTitle: false }, render: (_, q) => (
            <Tooltip placement="topLeft" title={<div>{q.stem}{q.kind !== 'judge' && q.options.map((o, i) => <div key={i}>{LETTERS[i]}. {o}</div>)}{q.explanation && <div style={{ marginTop: 6, opacity: 0.8 }}>{q.explanation}</div>}</div>}>
              <span style={{ color: q.retiredOn ? '#999' : undefined }}>{q.stem}</span>
            </Tooltip>
          ) },
          { title: t('q.answer'), key: 'answer', width: 70, render: (_, q) => answerText(q) },
          { title: t('q.category'), key: 'category', width: lang === 'en' ? 110 : 90, render: (_, q) => q.categoryLabel[lang] },
          { title: t('q.difficulty'), key: 'difficulty', width: lang === 'en' ? 86 : 60, render: (_, q) => DIFFICULTIES[q.difficulty as 1 | 2 | 3]?.[lang] ?? q.difficulty },
          { title: t('q.reportsCol'), dataIndex: 'reports', width: 70, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '—') },
          { title: t('q.status'), key: 'status', width: lang === 'en' ? 190 : 150, render: (_, q) => q.retiredOn
            ? <Tag>{t('q.retiredOn', { date: q.retiredOn })}</Tag>
            : (
              <Space size={4}>
                <Tag color="green">{t('q.live')}</Tag>
                {admin && <Popconfirm title={t('q.retireConfirm')} onConfirm={() => void retire(q)} okButtonProps={{ danger: true }}>
                  <Button size="small" danger data-testid={`retire-${q.id}`}>{t('q.retire')}</Button>
                </Popconfirm>}
              </Space>
            ) },
        ]} />
      <BankImport file={picked} onClose={(imported) => { setPicked(null); if (imported) list.reload(); }} />
    </Space>
  );
}
