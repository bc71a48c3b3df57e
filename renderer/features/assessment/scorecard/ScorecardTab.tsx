// 双轨考核: the outlets under a unit with their composite and light for a quarter or year, the
// distribution of composites, the roll-ups per county, grid and Party organisation, and each
// outlet's full scorecard on click.
import { Alert, App, Button, Card, Select, Space, Spin, Table, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { DUAL_LABELS, type DualKey } from '../../../../shared/assessment/dualTrack.js';
import type { OutletCard, OutletScore, RollupRow } from '../../../../shared/assessment/dualTrackApi.js';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { CHANNEL_TYPES } from '../../../../shared/domain/enums.js';
import { call } from '../../../api/client';
import { downloadFile } from '../../../components/files';
import { LightDot } from '../../../components/LightDot';
import { PrintArea, savePdf } from '../../../components/PrintArea';
import { errorText } from '../../../components/formErrors';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { SUBJECT_KINDS_L } from '../labels';
import { ImportButtons } from './ImportModal';
import { OutletCardDrawer } from './OutletCardDrawer';
import { ScoreDistCard } from './ScoreDistCard';
import { ScorecardPrint } from './ScorecardPrint';

/** The current quarter and the seven before it, then this year and last. */
export function periodChoices(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    const n = y * 4 + (q - 1) - i;
    out.push(`${Math.floor(n / 4)}-Q${(n % 4) + 1}`);
  }
  return [...out, String(y), String(y - 1)];
}

const ENTERERS = new Set(['county_organiser', 'hq_admin']);
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(1));

export function ScorecardTab() {
  const { t, label, lang } = useT();
  const units = useApi('orgUnits.list', {});
  const session = useApi('session.info', {});
  const [unitId, setUnitId] = useState<string | undefined>();
  const choices = useMemo(() => periodChoices(todayInBeijing()), []);
  const [period, setPeriod] = useState(choices[0]!);
  const [open, setOpen] = useState<string | null>(null);
  const sc = useApi('assessment.scorecard', { period, ...(unitId ? { unitId } : {}) });
  const periodText = (p: string) => (p.includes('-Q') ? t('dt.quarter', { y: p.slice(0, 4), q: p.slice(6) }) : t('dt.year', { y: p }));
  const { message } = App.useApp();
  const [print, setPrint] = useState<{ title: string; cards: OutletCard[]; rollups: RollupRow[] } | null>(null);
  const scopeName = (units.data ?? []).find((u) => u.id === unitId)?.name ?? t('as.allUnits');
  const exportXlsx = async () => {
    try {
      const f = await call('assessment.scorecard.export', { period, ...(unitId ? { unitId } : {}) });
      downloadFile(f);
      message.success(t('as.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const printPdf = async () => {
    try {
      const r = await call('assessment.scorecard.cards', { period, ...(unitId ? { unitId } : {}) });
      setPrint({ title: `${scopeName} · ${t('as.tabDualTrack')} · ${periodText(period)}`, cards: r.cards, rollups: r.rollups });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  // Printed once the document is in the page.
  useEffect(() => {
    if (!print) return;
    void savePdf(print.title, true).then((r) => {
      if (r.via === 'electron' && r.saved) message.success(t('av.pdfSaved', { path: r.path ?? '' }));
      else if (r.via === 'electron' && r.message) message.error(r.message);
    });
  }, [print]);
  const missingText = (ks: DualKey[]) => ks.map((k) => (lang === 'zh' ? DUAL_LABELS[k].zh : DUAL_LABELS[k].en)).join(lang === 'zh' ? '、' : ', ');
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect units={units.data ?? []} levels={['county', 'grid']} allowClear placeholder={t('as.allUnits')} style={{ width: 200 }} value={unitId} onChange={setUnitId} />
        <Select aria-label={t('dt.period')} style={{ width: 170 }} value={period} onChange={setPeriod} options={choices.map((p) => ({ value: p, label: periodText(p) }))} />
        <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="dt-export">{t('as.export')}</Button>
        <Button icon={<FilePdfOutlined />} onClick={printPdf} data-testid="dt-print-button">{t('av.printPdf')}</Button>
        {ENTERERS.has(session.data?.role ?? '') && <ImportButtons period={period} periodText={periodText(period)} unitId={unitId} onImported={() => void sc.reload()} />}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('dt.howTo')}</Typography.Paragraph>
      {sc.error && <Alert type="error" showIcon title={errorText(sc.error, lang)} />}
      {!sc.data ? (sc.error ? null : <Spin />) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <ScoreDistCard outlets={sc.data.outlets} />
          <Card size="small" title={`${t('as.tabDualTrack')} · ${periodText(sc.data.period)}`}>
            <Table<OutletScore> size="small" rowKey="outletId" dataSource={sc.data.outlets} pagination={{ pageSize: 8, showSizeChanger: false }} data-testid="dt-outlets"
              columns={[
                { title: t('dt.outlet'), dataIndex: 'outletName', width: 180 },
                { title: t('dt.channel'), dataIndex: 'channelType', width: 130, render: (c: string) => label(CHANNEL_TYPES, c) },
                { title: t('dt.org'), dataIndex: 'orgName', width: 170, render: (n: string | null) => n ?? '—' },
                { title: t('dt.composite'), dataIndex: 'composite', width: 90, sorter: (a, b) => (a.composite ?? -1) - (b.composite ?? -1), render: fmt },
                { title: t('dt.light'), dataIndex: 'light', width: 60, render: (l: OutletScore['light']) => <LightDot light={l} /> },
                { title: t('dt.missing'), dataIndex: 'missing', render: (ks: DualKey[]) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{missingText(ks) || '—'}</Typography.Text> },
                { title: '', key: 'open', width: 90, render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r.outletId)}>{t('dt.open')}</Button> },
              ]} />
          </Card>
          <Card size="small" title={t('dt.rollups')}>
            <Table<RollupRow> size="small" rowKey={(r) => `${r.kind}|${r.id}`} dataSource={sc.data.rollups} pagination={{ pageSize: 6, showSizeChanger: false }}
              columns={[
                { title: t('dt.kind'), dataIndex: 'kind', width: 110, render: (k: RollupRow['kind']) => label(SUBJECT_KINDS_L, k) },
                { title: '', dataIndex: 'name' },
                { title: t('dt.outlets'), dataIndex: 'outlets', width: 80 },
                { title: t('dt.composite'), dataIndex: 'composite', width: 100, render: fmt },
                { title: t('dt.light'), dataIndex: 'light', width: 60, render: (l: RollupRow['light']) => <LightDot light={l} /> },
              ]} />
          </Card>
        </Space>
      )}
      {print && <PrintArea landscape><ScorecardPrint {...print} /></PrintArea>}
      <OutletCardDrawer outletId={open} period={period} periodText={periodText(period)} onClose={(changed) => { setOpen(null); if (changed) void sc.reload(); }} />
    </>
  );
}
