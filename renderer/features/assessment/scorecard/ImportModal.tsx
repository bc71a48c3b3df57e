// Business indicators from the channel system's Excel export: download the template, pick a file,
// see every row checked, and import all rows, or none while any row is wrong.
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { BUSINESS_KEYS, DUAL_LABELS } from '../../../../shared/assessment/dualTrack.js';
import type { BusinessImportResult, ImportRow } from '../../../../shared/assessment/dualTrackApi.js';
import { call } from '../../../api/client';
import { downloadFile, readFileBase64 } from '../../../components/files';
import { errorText } from '../../../components/formErrors';
import { useT } from '../../../i18n';

export function ImportButtons(props: { period: string; periodText: string; unitId?: string; onImported(): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<BusinessImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = async () => {
    try {
      downloadFile(await call('assessment.business.template', { period: props.period, ...(props.unitId ? { unitId: props.unitId } : {}) }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const check = async (f: File) => {
    setError(null);
    setPreview(null);
    const read = await readFileBase64(f);
    setFile(read);
    try {
      setPreview(await call('assessment.business.import', { period: props.period, fileName: read.name, base64: read.base64, commit: false }));
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('assessment.business.import', { period: props.period, fileName: file.name, base64: file.base64, commit: true });
      message.success(t('dt.imported', { n: r.written }));
      close();
      props.onImported();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const close = () => { setFile(null); setPreview(null); setError(null); };
  const name = (k: (typeof BUSINESS_KEYS)[number]) => (lang === 'zh' ? DUAL_LABELS[k].zh : DUAL_LABELS[k].en);
  return (
    <Space>
      <Button icon={<DownloadOutlined />} onClick={template}>{t('dt.template')}</Button>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void check(f); return false; }}>
        <Button icon={<UploadOutlined />}>{t('dt.import')}</Button>
      </Upload>
      <Modal open={!!file} width={1000} title={t('dt.importTitle', { period: props.periodText })} onCancel={close} data-testid="dt-import"
        footer={<Space><Button onClick={close}>{t('dt.cancel')}</Button>
          <Button type="primary" loading={busy} disabled={!preview || preview.errorRows > 0} onClick={commit}>{t('dt.importCommit', { n: preview?.rows.length ?? 0 })}</Button></Space>}>
        <Typography.Paragraph type="secondary">{file?.name}</Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} />}
        {preview && preview.errorRows > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('dt.importBad', { n: preview.errorRows })} />}
        {preview && (
          <Table<ImportRow> size="small" rowKey="row" dataSource={preview.rows} pagination={{ pageSize: 8, showSizeChanger: false }} columns={[
            { title: t('dt.row'), dataIndex: 'row', width: 50 },
            { title: t('dt.code'), dataIndex: 'outletCode', width: 110 },
            { title: t('dt.outlet'), dataIndex: 'outletName', width: 140, render: (n: string | null) => n ?? '—' },
            ...BUSINESS_KEYS.map((k) => ({ title: name(k), key: k, width: 90, render: (_: unknown, r: ImportRow) => r.values[k] ?? '—' })),
            { title: t('dt.problems'), key: 'e', render: (_: unknown, r: ImportRow) => r.errors.length
              ? <Typography.Text type="danger" style={{ fontSize: 12 }}>{r.errors.map((e) => (lang === 'zh' ? e.zh : e.en)).join(lang === 'zh' ? '；' : '; ')}</Typography.Text>
              : <Typography.Text type="success">{t('dt.rowOk')}</Typography.Text> },
          ]} />
        )}
      </Modal>
    </Space>
  );
}
