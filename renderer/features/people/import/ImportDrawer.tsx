import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Result, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ROSTER_FIELDS, type RosterField } from '../../../../shared/people/headers.js';
import type { ImportPreview, ImportResult } from '../../../../shared/people/types.js';
import { call } from '../../../api/client';
import { errorText } from '../../../components/formErrors';
import { useLang } from '../../../i18n';
import { downloadFile, readFileBase64 } from '../../../components/files';
import { useRegText } from '../text';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';

type FileIn = { name: string; base64: string };

/** Import a roster: choose a file, preview every row's problems (nothing written), then commit. */
export function ImportDrawer(props: { open: boolean; onClose(imported: boolean): void }) {
  const r = useRegText();
  const lang = useLang((s) => s.lang);
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<FileIn | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<(RosterField | null)[] | undefined>();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
    setResult(null);
    setSheet(undefined);
    setMapping(undefined);
  };

  const runPreview = async (f: FileIn, opts: { sheet?: string; mapping?: (RosterField | null)[] } = {}) => {
    setBusy(true);
    setError(null);
    try {
      const p = await call('roster.preview', { file: f, ...(opts.sheet ? { sheet: opts.sheet } : {}), ...(opts.mapping ? { mapping: opts.mapping } : {}) });
      setPreview(p);
      setSheet(p.sheet);
      setMapping(p.columns.map((c) => c.field));
    } catch (e) {
      setPreview(null);
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (f: File | undefined) => {
    if (!f) return;
    reset();
    const read = await readFileBase64(f);
    setFile(read);
    await runPreview(read);
  };

  const commit = async (skipInvalid: boolean) => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const done = await call('roster.commit', { file, sheet, mapping, skipInvalid });
      setResult(done);
      message.success(r('import.done', { ...done }));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    const imported = !!result;
    reset();
    props.onClose(imported);
  };

  const t = preview?.totals;
  const writable = t ? t.create + t.update : 0;
  return (
    <Drawer
      open={props.open}
      onClose={close}
      size={1100}
      title={r('import.title')}
      destroyOnHidden
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={async () => downloadFile(await call('roster.template', {}))}>{r('import.template')}</Button>
          <Button type="primary" icon={<UploadOutlined />} loading={busy && !preview} onClick={() => input.current?.click()}>{r('import.pick')}</Button>
        </Space>
      }
      footer={
        preview && !result ? (
          <Space>
            <Button type="primary" disabled={busy || !writable || (t?.error ?? 0) > 0} loading={busy} onClick={() => commit(false)}>{r('import.commit')}</Button>
            {(t?.error ?? 0) > 0 && writable > 0 && (
              <Button danger disabled={busy} onClick={() => commit(true)}>{r('import.commitSkip', { n: t!.error, m: writable })}</Button>
            )}
          </Space>
        ) : null
      }
    >
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="roster-file" onChange={(e) => void pick(e.target.files?.[0] ?? undefined).finally(() => (e.target.value = ''))} />
      {result ? (
        <Result status="success" title={r('import.done', { ...result })} extra={<Button type="primary" onClick={close}>OK</Button>} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Alert type="info" showIcon title={r('import.hint')} />
          {busy && !preview && <Typography.Text type="secondary">{r('import.reading')}</Typography.Text>}
          {error && <Alert type="error" showIcon title={error} />}
          {preview && file && (
            <>
              <Space wrap>
                <Typography.Text strong>{preview.fileName}</Typography.Text>
                {preview.sheets.length > 1 && (
                  <Select size="small" style={{ minWidth: 160 }} value={sheet} options={preview.sheets.map((s) => ({ value: s, label: s }))}
                    onChange={(s) => void runPreview(file, { sheet: s })} aria-label={r('import.sheet')} />
                )}
                <Typography.Text type="secondary">{r('import.headerRow', { n: preview.headerRow })}</Typography.Text>
              </Space>
              <MappingEditor columns={preview.columns} value={mapping ?? []} onChange={setMapping} busy={busy} onApply={() => void runPreview(file, { sheet, mapping })} />
              {preview.missingRequired.length > 0 && (
                <Alert type="error" showIcon title={r('import.missing', { cols: preview.missingRequired.map((f) => ROSTER_FIELDS[f][lang]).join('、') })} />
              )}
              <Alert
                type={t!.error ? 'warning' : 'success'}
                showIcon
                title={r('import.totals', { ...t! })}
                description={t!.error ? r('import.blocked', { n: t!.error }) : undefined}
              />
              <PreviewTable rows={preview.rows} />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
