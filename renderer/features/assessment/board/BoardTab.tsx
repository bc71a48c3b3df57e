// 预警看板: the scope's lights for a month, filtered by county/grid, organisation and month; counts,
// the heat view by county or organisation, the trend per month, coverage by county, every light drilling down to its causes. An
// organiser's visit keeps the month's lights (assessment.record), which is what escalates two reds.
import { App, Alert, Button, Card, Col, DatePicker, Row, Select, Space, Spin, Statistic, Switch, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { BoardLight } from '../../../../shared/assessment/types.js';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { call } from '../../../api/client';
import { downloadFile } from '../../../components/files';
import { errorText } from '../../../components/formErrors';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ItemForm, type ItemPreset } from '../items/ItemForm';
import { INDICATORS_L } from '../labels';
import { CoverageCard, HeatCard, TrendCard } from './BoardCharts';
import { DrillDrawer } from './DrillDrawer';
import { LightsTable, subjectRows } from './LightsTable';

const KEEPERS = new Set(['county_organiser', 'hq_admin']);

export function BoardTab() {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const session = useApi('session.info', {});
  const units = useApi('orgUnits.list', {});
  const [unitId, setUnitId] = useState<string | undefined>();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [period, setPeriod] = useState(todayInBeijing().slice(0, 7));
  const [onlyWarnings, setOnlyWarnings] = useState(true);
  const [open, setOpen] = useState<BoardLight | null>(null);
  const [preset, setPreset] = useState<ItemPreset | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const orgs = useApi('partyOrgs.list', unitId ? { unitId } : {});
  const settings = useApi('assessment.settings', {});
  const treeSince = useApi('assessment.treeSince', {});
  const role = session.data?.role;
  const key = `${unitId ?? ''}|${period}`;
  // Organisers keep the month's lights before looking at them; others only read.
  useEffect(() => {
    if (!role) return;
    if (!KEEPERS.has(role)) return setKept(key);
    let live = true;
    call('assessment.record', { ...(unitId ? { unitId } : {}), period })
      .then((r) => live && r.escalated > 0 && message.warning(t('as.recorded', { n: r.escalated })))
      .catch((e: unknown) => live && message.error(errorText(e, lang)))
      .finally(() => live && setKept(key));
    return () => {
      live = false;
    };
  }, [role, key]);
  const board = useApi('assessment.board', kept === key ? { ...(unitId ? { unitId } : {}), ...(orgId ? { orgId } : {}), period } : null);
  const b = board.data;
  const escalated = useMemo(() => new Set((b?.escalations ?? []).map((e) => `${e.subjectId}|${e.indicator}`)), [b]);
  const rows = useMemo(() => subjectRows(b?.lights ?? [], onlyWarnings), [b, onlyWarnings]);
  const exportBoard = async () => {
    try {
      const f = await call('assessment.export', { list: 'board', period, ...(unitId ? { unitId } : {}) });
      downloadFile(f);
      message.success(t('as.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect units={units.data ?? []} levels={['county', 'grid']} allowClear placeholder={t('as.allUnits')} style={{ width: 200 }} value={unitId}
          onChange={(v) => { setUnitId(v); setOrgId(undefined); }} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('as.allOrgs')} aria-label={t('as.org')} style={{ width: 220 }} value={orgId} onChange={setOrgId}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        <DatePicker picker="month" allowClear={false} aria-label={t('as.period')} value={dayjs(`${period}-01`)} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
          disabledDate={(d) => d.format('YYYY-MM') > todayInBeijing().slice(0, 7)} />
        <Space size={6}><Switch size="small" checked={onlyWarnings} onChange={setOnlyWarnings} aria-label={t('as.onlyWarnings')} /><span>{t('as.onlyWarnings')}</span></Space>
        {b && <Typography.Text type="secondary">{t('as.asOf', { day: b.asOf })}</Typography.Text>}
        {b && treeSince.data && b.asOf < todayInBeijing() && (
          <Tooltip title={treeSince.data.since ? t('as.pastTreeSince', { since: treeSince.data.since }) : t('as.pastTreeNone')}>
            <Typography.Text type="secondary" data-testid="as-past-tree" style={{ cursor: 'help', textDecoration: 'underline dotted' }}>{t('as.pastTree')}</Typography.Text>
          </Tooltip>
        )}
        <Button icon={<DownloadOutlined />} onClick={exportBoard}>{t('as.export')}</Button>
      </Space>
      {board.error && <Alert type="error" showIcon title={errorText(board.error, lang)} />}
      {!b ? (board.error ? null : <Spin />) : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={6}>
              <Card size="small" title={<Tooltip title={t('as.countsHint')}>{`${t('as.tabBoard')} · ${period}`}</Tooltip>}>
                <Row data-testid="as-counts">
                  <Col span={8}><Statistic title={t('as.red')} value={b.counts.red} styles={{ content: { color: '#cf1322' } }} /></Col>
                  <Col span={8}><Statistic title={t('as.yellow')} value={b.counts.yellow} styles={{ content: { color: '#d48806' } }} /></Col>
                  <Col span={8}><Statistic title={t('as.green')} value={b.counts.green} styles={{ content: { color: '#389e0d' } }} /></Col>
                </Row>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{t('as.dualTrackNote')}</Typography.Paragraph>
              </Card>
            </Col>
            <Col span={9}><TrendCard points={b.trend} /></Col>
            <Col span={9}>{settings.data && <CoverageCard lights={b.lights} bands={settings.data.thresholds.coverage} />}</Col>
            <Col span={24}><HeatCard lights={b.lights} onOpen={setOpen} /></Col>
          </Row>
          <Card size="small" title={t('as.lights')} style={{ marginTop: 12 }}>
            <LightsTable rows={rows} escalated={escalated} onOpen={setOpen} />
          </Card>
        </>
      )}
      <DrillDrawer
        light={open} period={period} escalated={!!open && escalated.has(`${open.subjectId}|${open.indicator}`)} canOpenItem={!!role && role !== 'auditor'}
        onClose={() => setOpen(null)}
        onOpenItem={(l) => {
          setPreset({
            kind: 'rectification', subjectKind: l.subjectKind === 'org' ? 'org' : 'outlet', subjectId: l.subjectId, subjectName: l.subjectName,
            title: `${lang === 'zh' ? '整改' : 'Rectify'}：${l.subjectName} · ${label(INDICATORS_L, l.indicator)}`, fromLight: { indicator: l.indicator, period },
          });
        }}
      />
      <ItemForm preset={preset} onClose={(saved) => {
        setPreset(null);
        if (saved) {
          setOpen(null);
          void board.reload();
        }
      }} />
    </>
  );
}
