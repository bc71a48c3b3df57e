// The bank import's preview: HQ checks every row of the chosen workbook and lists each problem with
// its row number; the file imports whole, and only when no row is wrong (HQ checks again on import).
import { Alert, App, Modal, Space, Spin, Table, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import type { BankPreview } from '../../shared/console/quiz.js';
import { QUESTION_KINDS, type QuestionKind, type RowIssue } from '../../shared/quiz/bank.js';
import { post } from './api';
import { useCT } from './i18n';
import { errorText } from './useLoad';

export interface PickedFile { fileName: string; base64: string }

export function BankImport({ file, onClose }: { file: PickedFile | null; onClose(imported: boolean): void }) {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<BankPreview | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPreview(null);
    setErr(null);
    if (!file) return;
    let live = true;
    post<BankPreview>('v1/quiz/preview', file).then((p) => live && setPreview(p), (e: unknown) => live && setErr(errorText(e, lang)));
    return () => {
      live = false;
    };
  }, [file, lang]);

  const doImport = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await post<{ imported: number }>('v1/quiz/import', file);
      void message.success(t('q.pv.done', { n: r.imported }));
      onClose(true);
    } catch (e) {
      setErr(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const ok = !!preview && !preview.issues.length && preview.importable > 0;
  return (
    <Modal open={!!file} width={900} title={t('q.pv.title', { file: file?.fileName ?? '' })} onCancel={() => onClose(false)} cancelText={t('c.cancel')}
      okText={t('q.pv.import', { n: preview?.importable ?? 0 })} okButtonProps={{ disabled: !ok, loading: busy, 'data-testid': 'quiz-import' } as ButtonProps} onOk={() => void doImport()}>
      {!preview && !err && <Space><Spin /><span>{t('q.pv.reading')}</span></Space>}
      {err && <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-line' }}>{err}</span>} data-testid="quiz-import-error" style={{ marginBottom: 12 }} />}
      {preview && (preview.issues.length
        ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="error" showIcon title={t('q.pv.bad', { n: preview.issues.length })} />
            <Table<RowIssue> size="small" rowKey={(i) => `${i.row}-${i.zh}`} dataSource={preview.issues} pagination={{ pageSize: 8, showSizeChanger: false }} data-testid="quiz-issues"
              columns={[
                { title: t('q.pv.row'), dataIndex: 'row', width: 70 },
                // The message names its row already; shown without that prefix beside the row column.
                { title: t('q.pv.problem'), key: 'p', render: (_, i) => (lang === 'en' ? i.en : i.zh).replace(/^(第 \d+ 行：|Row \d+: )/, '') },
              ]} />
          </Space>
        )
        : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="success" showIcon title={t('q.pv.ok', { n: preview.importable })} />
            <Typography.Text strong>{t('q.pv.rows')}</Typography.Text>
            <Table size="small" rowKey="row" dataSource={preview.rows} pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: t('q.pv.row'), dataIndex: 'row', width: 60 },
                { title: t('q.level'), dataIndex: 'level', width: 60 },
                { title: t('q.kind'), dataIndex: 'kind', width: lang === 'en' ? 120 : 60, render: (k: string) => QUESTION_KINDS[k as QuestionKind]?.[lang] ?? k },
                { title: t('q.stem'), dataIndex: 'stem', ellipsis: true },
                { title: t('q.answer'), dataIndex: 'answer', width: 70 },
              ]} />
          </Space>
        ))}
    </Modal>
  );
}
