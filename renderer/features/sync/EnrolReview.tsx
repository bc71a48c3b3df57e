// Before an enrolment completes: what the role and scope HQ grants would refuse of the work typed on
// this device before it enrolled. Nothing is lost either way — finishing keeps those records here,
// out of the push, exportable to Excel (db/sync/enrolKeep.ts). Also the list of records kept so.
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { ROLES } from '../../../shared/domain/enums.js';
import type { EnrolReview as Review, KeptRecord } from '../../../shared/sync/enrolKeep.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';
import { enrolText, type EnrolKey } from './enrolMessages';
import { tableLabel, timeText } from './format';

function RecordsTable({ rows, withKeptAt }: { rows: KeptRecord[]; withKeptAt?: boolean }) {
  const { lang } = useT();
  const e = (k: EnrolKey) => enrolText(lang, k);
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.tbl}:${r.rowId}`}
      dataSource={rows}
      pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
      data-testid="enrol-refused"
      columns={[
        { title: e('table'), dataIndex: 'tbl', width: 120, render: (t: string) => tableLabel(t, lang) },
        { title: e('record'), dataIndex: 'label', render: (l: string, r) => l || r.rowId },
        { title: e('reason'), key: 'reason', render: (_v, r) => (lang === 'en' ? r.reasonEn : r.reason) },
        { title: e('changes'), dataIndex: 'changes', width: 90, align: 'right' },
        ...(withKeptAt ? [{ title: e('keptAt'), dataIndex: 'keptAt', width: 150, render: (v: string | null) => timeText(v, lang) }] : []),
      ]}
    />
  );
}

function useExport() {
  const { lang } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      downloadFile(await call('sync.keptExport', {}));
    } catch (err) {
      void message.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

export function EnrolReview({ review, onFinished }: { review: Review; onFinished(): void }) {
  const { lang } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exp = useExport();
  const role = review.role ? ROLES[review.role][lang] : '';
  const finish = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await call('sync.enrolFinish', {});
      void message.success(enrolText(lang, 'finished', { n: done.refused.length }));
      onFinished();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={enrolText(lang, 'reviewTitle')} style={{ maxWidth: 900 }} data-testid="enrol-review">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          message={enrolText(lang, 'reviewBody', { user: review.userName ?? '', role, scope: review.scopePath ?? '', n: review.refused.length })}
        />
        {error && <Alert type="error" showIcon message={error} />}
        <RecordsTable rows={review.refused} />
        <Space>
          <Button icon={<DownloadOutlined />} loading={exp.busy} onClick={exp.run} data-testid="enrol-export">{enrolText(lang, 'export')}</Button>
          <Button type="primary" loading={busy} onClick={finish} data-testid="enrol-finish">{enrolText(lang, 'finish')}</Button>
        </Space>
      </Space>
    </Card>
  );
}

/** The records kept at enrolment, on the 同步 screen of an enrolled device; nothing when there are none. */
export function KeptRecords({ onChanged }: { onChanged?(): void }) {
  const { lang } = useT();
  const { message } = App.useApp();
  const [rows, setRows] = useState<KeptRecord[] | null>(null);
  const exp = useExport();
  const load = () => call('sync.kept', {}).then(setRows, () => setRows([]));
  useEffect(() => void load(), []);
  if (!rows?.length) return null;
  const discard = async () => {
    try {
      const { removed } = await call('sync.keptDiscard', { confirm: true });
      void message.success(enrolText(lang, 'discarded', { n: removed }));
      await load();
      onChanged?.();
    } catch (err) {
      void message.error(errorText(err, lang));
    }
  };
  return (
    <Card size="small" style={{ marginTop: 12 }} title={enrolText(lang, 'keptTitle', { n: rows.length })} data-testid="enrol-kept">
      <Typography.Paragraph type="secondary">{enrolText(lang, 'keptBody')}</Typography.Paragraph>
      <RecordsTable rows={rows} withKeptAt />
      <Space style={{ marginTop: 8 }}>
        <Button icon={<DownloadOutlined />} loading={exp.busy} onClick={exp.run} data-testid="kept-export">{enrolText(lang, 'export')}</Button>
        <Popconfirm title={enrolText(lang, 'discardConfirm')} onConfirm={discard}>
          <Button danger data-testid="kept-discard">{enrolText(lang, 'discard')}</Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
