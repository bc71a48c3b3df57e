import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Drawer, Result, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ROSTER_FIELDS, type RosterField } from '../../../../shared/people/headers.js';
import type { ValueChoice, ValueTarget } from '../../../../shared/people/schemas/import.js';
import type { ImportPreview, ImportResult } from '../../../../shared/people/types.js';
import { call } from '../../../api/client';
import { errorText } from '../../../components/formErrors';
import { useLang, useT } from '../../../i18n';
import { downloadFile, readFileBase64 } from '../../../components/files';
import { useRegText } from '../text';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import { ValueMapping } from './ValueMapping';

type FileIn = { name: string; base64: string };
type Opts = { sheet?: string; mapping?: (RosterField | null)[]; values?: ValueChoice[] };

/** The user's choices with one value's choice replaced (or dropped, to fall back to a remembered one). */
function withChoice(all: ValueChoice[], field: ValueChoice['field'], value: string, to: ValueTarget | null): ValueChoice[] {
  const rest = all.filter((c) => c.field !== field || c.value !== value);
  return to ? [...rest, { field, value, to }] : rest;
}

/** Import a roster: choose a file, preview every row's problems (nothing written), then commit. */
export function ImportDrawer(props: { open: boolean; onClose(imported: boolean): void }) {
  const r = useRegText();
  const { t } = useT();
  const lang = useLang((s) => s.lang);
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<FileIn | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<(RosterField | null)[] | undefined>();
  const [values, setValues] = useState<ValueChoice[]>([]);
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
    setValues([]);
  };

  const runPreview = async (f: FileIn, opts: Opts = {}) => {
    setBusy(true);
    setError(null);
    try {
      const p = await call('roster.preview', {
        file: f, ...(opts.sheet ? { sheet: opts.sheet } : {}), ...(opts.mapping ? { mapping: opts.mapping } : {}), ...(opts.values?.length ? { values: opts.values } : {}),
      });
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
      const done = await call('roster.commit', { file, sheet, mapping, skipInvalid, ...(values.length ? { values } : {}) });
      setResult(done);
      message.success(doneText(done));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const doneText = (done: ImportResult) => r('import.done', { ...done }) + (done.branchesCreated ? `；${t('import.branchesCreated', { n: done.branchesCreated })}` : '');

  const chooseValue = (field: ValueChoice['field'], value: string, to: ValueTarget | null) => {
    const next = withChoice(values, field, value, to);
    setValues(next);
    if (file) void runPreview(file, { sheet, mapping, values: next });
  };

  const close = () => {
    const imported = !!result;
    reset();
    props.onClose(imported);
  };

  const n = preview?.totals;
  const writable = n ? n.create + n.update : 0;
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
            <Button type="primary" disabled={busy || !writable || (n?.error ?? 0) > 0} loading={busy} onClick={() => commit(false)}>{r('import.commit')}</Button>
            {(n?.error ?? 0) > 0 && writable > 0 && (
              <Button danger disabled={busy} onClick={() => commit(true)}>{r('import.commitSkip', { n: n!.error, m: writable })}</Button>
            )}
          </Space>
        ) : null
      }
    >
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="roster-file" onChange={(e) => void pick(e.target.files?.[0] ?? undefined).finally(() => (e.target.value = ''))} />
      {result ? (
        <Result status="success" title={doneText(result)} extra={<Button type="primary" onClick={close}>OK</Button>} />
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
                    onChange={(s) => void runPreview(file, { sheet: s, values })} aria-label={r('import.sheet')} />
                )}
                <Typography.Text type="secondary">{r('import.headerRow', { n: preview.headerRow })}</Typography.Text>
              </Space>
              <MappingEditor columns={preview.columns} value={mapping ?? []} onChange={setMapping} busy={busy} onApply={() => void runPreview(file, { sheet, mapping, values })} />
              {preview.missingRequired.length > 0 && (
                <Alert type="error" showIcon title={r('import.missing', { cols: preview.missingRequired.map((f) => ROSTER_FIELDS[f][lang]).join('、') })} />
              )}
              {preview.values.length > 0 && <ValueMapping values={preview.values} units={preview.units} busy={busy} onChoose={chooseValue} />}
              <Alert
                type={n!.error ? 'warning' : 'success'}
                showIcon
                title={r('import.totals', { ...n! })}
                description={
                  n!.error || n!.warning || n!.ignored ? (
                    <>
                      {n!.warning > 0 && <div>{t('import.extraWarnings', { n: n!.warning })}</div>}
                      {n!.ignored > 0 && <div>{t('import.extraIgnored', { n: n!.ignored })}</div>}
                      {n!.error > 0 && <div>{r('import.blocked', { n: n!.error })}</div>}
                    </>
                  ) : undefined
                }
              />
              {preview.ignored.length > 0 && (
                <Collapse
                  size="small"
                  defaultActiveKey={preview.ignored.length <= 8 ? ['ignored'] : []}
                  items={[{
                    key: 'ignored',
                    label: t('import.ignoredRows', { n: preview.ignored.length }),
                    children: preview.ignored.map((x) => (
                      <div key={x.rowNo}>
                        <Typography.Text type="secondary">{t('import.ignoredRow', { n: x.rowNo, reason: lang === 'en' ? x.reasonEn : x.reason })}</Typography.Text> {x.text}
                      </div>
                    )),
                  }]}
                />
              )}
              <PreviewTable rows={preview.rows} />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
