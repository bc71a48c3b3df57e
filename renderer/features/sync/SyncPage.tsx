// 同步: before enrolment, what waits to be sent (nothing is, until then), the enrolment form and why
// no USB bundle can be made yet; otherwise the connection, what is waiting, the
// last error in plain words, and the conflict and rejection records. Sync itself runs in the
// background; this screen only watches it (and can start it by hand).
import { Alert, App, Card, Checkbox, Col, Row, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { EnrolForm } from './EnrolForm';
import { KeptRecords } from './EnrolReview';
import { syncText } from './messages';
import { ConflictTable, RejectionTable } from './RecordTables';
import { RelayPanel } from './RelayPanel';
import { StatusPanel, WaitingBeforeEnrol } from './StatusPanel';

export function SyncPage() {
  const { lang } = useT();
  const { message } = App.useApp();
  const status = useApi('sync.status', {});
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [version, setVersion] = useState(0);
  const s = (k: Parameters<typeof syncText>[1]) => syncText(lang, k);

  useEffect(() => {
    const t = setInterval(() => void status.reload(), 3000);
    return () => clearInterval(t);
  }, [status.reload]);

  const syncNow = async () => {
    setBusy(true);
    try {
      const r = await call('sync.now', {});
      if (r.lastError) message.warning(lang === 'en' ? r.lastError.messageEn : r.lastError.message);
      else message.success(s('synced'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
      void status.reload();
    }
  };

  const st = status.data;
  // A failed refresh (every 3 s) keeps the page as last read: replacing it would drop what is being typed.
  if (status.error && !st) return <Alert type="error" showIcon message={errorText(status.error, lang)} />;
  if (!st) return <Spin />;
  const changed = () => void status.reload();
  if (!st.enrolled)
    return (
      <>
        {st.wipedAt && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={s('wiped')} />}
        <WaitingBeforeEnrol status={st} />
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={13}><EnrolForm onDone={changed} /></Col>
          <Col xs={24} xl={11}><RelayPanel status={st} onChanged={changed} style={{ marginTop: 0 }} /></Col>
        </Row>
      </>
    );
  const include = showAll ? 'all' : 'open';
  return (
    <>
      <StatusPanel status={st} busy={busy || st.connection === 'syncing'} onSyncNow={syncNow} />
      <RelayPanel status={st} onChanged={() => { setVersion((v) => v + 1); changed(); }} />
      <KeptRecords onChanged={changed} />
      <Card size="small" style={{ marginTop: 12 }} extra={<Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)}>{s('showAll')}</Checkbox>}>
        <Tabs
          items={[
            { key: 'conflicts', label: `${s('conflicts')}（${st.openConflicts}）`, children: <ConflictTable key={`c${version}${include}${st.openConflicts}`} include={include} onChange={changed} /> },
            { key: 'rejections', label: `${s('rejections')}（${st.openRejections}）`, children: <RejectionTable key={`r${version}${include}${st.openRejections}`} include={include} onChange={changed} /> },
          ]}
        />
      </Card>
    </>
  );
}
