// Relay by file on the 同步 screen: export a bundle to carry on a USB stick, import the answer that
// comes back, and — on a device that reaches HQ — forward a colleague's bundle. Files travel as
// base64 through the API, downloaded and picked as the roster import and export do.
import { ExportOutlined, ImportOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { RelayForwardResult, RelayImportResult, SyncStatus } from '../../../shared/sync/contract.js';
import { ANSWER_EXT, BUNDLE_EXT } from '../../../shared/sync/relay.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';
import { downloadFile, readFileBase64 } from '../../components/files';
import { timeText } from './format';
import { relayText } from './relayMessages';

type Outcome = { type: 'success' | 'info' | 'warning' | 'error'; lines: string[] };
type Busy = 'export' | 'import' | 'forward' | null;

export function RelayPanel({ status, onChanged, style }: { status: SyncStatus; onChanged: () => void; style?: React.CSSProperties }) {
  const { lang } = useT();
  const { message } = App.useApp();
  const r = (k: Parameters<typeof relayText>[1], v?: Record<string, string | number>) => relayText(lang, k, v);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const answerInput = useRef<HTMLInputElement>(null);
  const bundleInput = useRef<HTMLInputElement>(null);
  const relay = status.relay;
  // A session under way says nothing about reachability; the last one's outcome does.
  const online = status.connection === 'online' || (status.connection === 'syncing' && !status.lastError);

  const run = async (what: Exclude<Busy, null>, fn: () => Promise<Outcome>) => {
    setBusy(what);
    try {
      const o = await fn();
      setOutcome(o);
      (o.type === 'warning' ? message.warning : o.type === 'info' ? message.info : message.success)(o.lines[0]!);
    } catch (e) {
      setOutcome({ type: 'error', lines: [errorText(e, lang)] });
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  const exportBundle = () =>
    run('export', async () => {
      const x = await call('sync.relayExport', {});
      downloadFile(x.file);
      return { type: 'success', lines: [r('exported', { n: x.writes }), ...(x.more ? [r('exportedMore')] : [])] };
    });

  const imported = (x: RelayImportResult): Outcome => {
    if (x.outcome === 'already') return { type: 'info', lines: [r('already')] };
    if (x.outcome === 'wiped') return { type: 'warning', lines: [r('wiped')] };
    const lines = [r('imported', { up: x.uploaded, down: x.downloaded, conflicts: x.conflicts })];
    if (x.rejected) lines.push(r('rejected', { n: x.rejected }));
    if (x.pullSkipped) lines.push(r('pullSkipped'));
    if (x.more) lines.push(r('more'));
    return { type: x.pullSkipped || x.rejected ? 'warning' : 'success', lines };
  };

  const forwarded = (x: RelayForwardResult): Outcome => {
    if (x.revoked) return { type: 'warning', lines: [r('forwardedRevoked', { who: x.originUser })] };
    return { type: 'success', lines: [r('forwarded', { who: x.originUser, up: x.writes, down: x.rows, conflicts: x.conflicts }), ...(x.more ? [r('forwardedMore')] : [])] };
  };

  const pick = (what: 'import' | 'forward', f: File | undefined) => {
    if (!f) return;
    void run(what, async () => {
      const file = await readFileBase64(f);
      if (what === 'import') return imported(await call('sync.relayImport', { file }));
      const x = await call('sync.relayForward', { file });
      downloadFile(x.file);
      return forwarded(x);
    });
  };

  const last = relay.lastExport;
  return (
    <Card size="small" style={{ marginTop: 12, ...style }} title={r('title')} data-testid="relay-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{r('help')}</Typography.Paragraph>
      {/* Before enrolment HQ knows neither the device nor its key: no bundle can be made, whatever the network. */}
      {!status.enrolled && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={r('notEnrolled')} data-testid="relay-not-enrolled" />}
      {status.enrolled && !relay.ready && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={r('notReady')} />}
      <Space wrap size="middle">
        <Button icon={<ExportOutlined />} disabled={!relay.ready || !!busy} loading={busy === 'export'} onClick={() => void exportBundle()}>{r('export')}</Button>
        <Button icon={<ImportOutlined />} disabled={!relay.ready || !!busy} loading={busy === 'import'} onClick={() => answerInput.current?.click()}>{r('import')}</Button>
        <Tooltip title={online ? undefined : r('forwardNeedsHq')}>
          <Button icon={<SendOutlined />} disabled={!online || !!busy} loading={busy === 'forward'} onClick={() => bundleInput.current?.click()}>{r('forward')}</Button>
        </Tooltip>
      </Space>
      <input ref={answerInput} type="file" accept={ANSWER_EXT} hidden data-testid="relay-answer-file" onChange={(e) => { pick('import', e.target.files?.[0]); e.target.value = ''; }} />
      <input ref={bundleInput} type="file" accept={BUNDLE_EXT} hidden data-testid="relay-bundle-file" onChange={(e) => { pick('forward', e.target.files?.[0]); e.target.value = ''; }} />
      {status.enrolled && <Descriptions size="small" style={{ marginTop: 12 }} column={{ xs: 1, md: 2 }}
        items={[
          { key: 'export', label: r('lastExport'), children: last ? r('lastExportValue', { at: timeText(last.at, lang), n: last.writes }) : r('never') },
          { key: 'import', label: r('lastImport'), children: relay.lastImportAt ? timeText(relay.lastImportAt, lang) : r('never') },
        ]} />}
      {outcome && (
        <Alert style={{ marginTop: 12 }} type={outcome.type} showIcon data-testid="relay-result" closable onClose={() => setOutcome(null)}
          title={outcome.lines[0]} description={outcome.lines.length > 1 ? outcome.lines.slice(1).map((l) => <div key={l}>{l}</div>) : undefined} />
      )}
    </Card>
  );
}
