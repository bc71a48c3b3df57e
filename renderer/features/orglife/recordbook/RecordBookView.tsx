// The record book for a branch and period: previewed on screen, printed alone (the print
// stylesheet hides the app) and saved as PDF.
import { Alert, App, Button, Card, Empty, Select, Space, Spin } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { periodLabel, type PeriodUnit } from '../../../../shared/orglife/periods.js';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { PeriodPicker, periodFor } from '../../../components/PeriodPicker';
import { savePageAsPdf } from './printPdf';
import { RecordBookDocument } from './RecordBookDocument';

// While the record book is open, printing shows only its print copy (a child of <body>).
const PRINT_CSS = `
.rc-print-only { display: none; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html, body { background: #fff !important; height: auto !important; overflow: visible !important; }
  body > *:not(.rc-print-only) { display: none !important; }
  .rc-print-only { display: block !important; }
}`;

export function RecordBookView() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [unit, setUnit] = useState<PeriodUnit>('month');
  const [day, setDay] = useState<Dayjs>(() => dayjs(todayInBeijing()));
  const orgs = useApi('partyOrgs.list', {});
  const p = periodFor(unit, day);
  const book = useApi('orgLife.recordBook', orgId ? { orgId, from: p.start, to: p.end } : null);
  const holding = (orgs.data ?? []).filter((o) => o.orgType !== 'committee' && o.orgType !== 'general_branch');
  useEffect(() => {
    if (!orgId && holding.length === 1) setOrgId(holding[0]!.id);
  }, [holding, orgId]);
  const periodText = periodLabel(p, lang);
  const fileName = book.data ? `${book.data.org.name}${t('rb.title')}（${periodText}）` : '';

  const save = async () => {
    const r = await savePageAsPdf(fileName);
    if (r.via === 'electron') {
      if (r.saved) message.success(t('rb.saved', { path: r.path ?? '' }));
      else if (r.message) message.error(r.message);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Select showSearch optionFilterProp="label" placeholder={t('rb.pickOrg')} style={{ width: 240 }} value={orgId} onChange={setOrgId} aria-label={t('rb.pickOrg')}
            options={holding.map((o) => ({ value: o.id, label: o.name }))} />
          <PeriodPicker unit={unit} day={day} onChange={(u, d) => (setUnit(u), setDay(d))} units={['month', 'quarter', 'half', 'year']} />
        </Space>
      }
      extra={<Button type="primary" icon={<FilePdfOutlined />} disabled={!book.data} onClick={save}>{t('rb.savePdf')}</Button>}
    >
      <style>{PRINT_CSS}</style>
      {book.error && <Alert type="error" showIcon message={errorText(book.error, lang)} />}
      {!orgId ? <Empty description={t('rb.pickOrg')} /> : !book.data ? <Spin /> : (
        <div style={{ maxWidth: 860, margin: '0 auto', border: '1px solid #eee', padding: 16 }}>
          <RecordBookDocument book={book.data} periodText={periodText} />
        </div>
      )}
      {book.data && createPortal(<div className="rc-print-only"><RecordBookDocument book={book.data} periodText={periodText} /></div>, document.body)}
    </Card>
  );
}
