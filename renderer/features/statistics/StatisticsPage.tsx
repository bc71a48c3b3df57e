// 党内统计: the half-year and year-end statistics of a county (or the province at HQ), as counts
// only; exported to Excel in the county offices' layout and printed alone to PDF.
import { Alert, App, Button, Card, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import type { StatPeriod } from '../../../shared/statistics/schemas.js';
import { reportTitle, statisticsTables } from '../../../shared/statistics/tables.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../components/formErrors';
import { PrintArea, savePdf } from '../../components/PrintArea';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { StatTables } from './StatTables';

export function StatisticsPage() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const [unitId, setUnitId] = useState<string | undefined>();
  const [year, setYear] = useState(thisYear);
  const [period, setPeriod] = useState<StatPeriod>('h1');
  const units = useApi('orgUnits.list', {});
  const query = { year, period, ...(unitId ? { unitId } : {}) };
  const r = useApi('statistics.report', query);
  const tables = r.data ? statisticsTables(r.data, lang) : [];
  const title = r.data ? reportTitle(r.data, lang) : '';
  const exportXlsx = async () => {
    try {
      const f = await call('statistics.export', query);
      downloadFile(f);
      message.success(t('st.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const printPdf = async () => {
    const x = await savePdf(title);
    if (x.via === 'electron' && x.saved) message.success(t('st.pdfSaved', { path: x.path ?? '' }));
    else if (x.via === 'electron' && x.message) message.error(x.message);
  };
  return (
    <Card title={t('nav.statistics')} data-testid="st-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect units={units.data ?? []} levels={['hq', 'city', 'county']} allowClear placeholder={t('st.allScope')} style={{ width: 220 }} value={unitId} onChange={setUnitId} />
        <InputNumber aria-label={t('st.year')} style={{ width: 110 }} min={2000} max={thisYear + 1} precision={0} value={year} onChange={(v) => v !== null && v >= 2000 && v <= thisYear + 1 && setYear(v)} data-testid="st-year" />
        <Select aria-label={t('st.period')} style={{ width: 230 }} value={period} onChange={setPeriod} data-testid="st-period"
          options={[{ value: 'h1', label: t('st.h1') }, { value: 'year', label: t('st.yearEnd') }]} />
        <Button icon={<DownloadOutlined />} onClick={exportXlsx} disabled={!r.data} data-testid="st-export">{t('st.export')}</Button>
        <Button icon={<FilePdfOutlined />} onClick={() => void printPdf()} disabled={!r.data} data-testid="st-print">{t('st.print')}</Button>
      </Space>
      {r.data && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="st-note" title={t('st.asStand', { asOf: r.data.asOf })} />}
      {r.error && <Alert type="error" showIcon title={errorText(r.error, lang)} />}
      {!r.data ? (r.error ? null : <Spin />) : (
        <>
          <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="st-title">{title}</Typography.Title>
          <StatTables tables={tables} />
        </>
      )}
      {/* Always in the page while a report is shown, so any print (the button or Ctrl+P) gives the report alone. */}
      {r.data && (
        <PrintArea>
          <h2 style={{ textAlign: 'center' }}>{title}</h2>
          <p>{t('st.asStand', { asOf: r.data.asOf })}</p>
          <StatTables tables={tables} compact />
        </PrintArea>
      )}
    </Card>
  );
}
