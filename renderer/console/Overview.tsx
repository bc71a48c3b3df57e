// 全省概览: per county every board indicator HQ computes (the app's own rules), rolled up by city and
// for the province; blind spots and sync health; a bar or a row opens the county's outlets.
import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ConsoleSession, CountyDetail, CountyRow, Overview as OverviewData, OutletRow, RollupRow } from '../../shared/console/types.js';
import type { Light } from '../../shared/orglife/status.js';
import { EChart, type ChartOption } from '../components/EChart';
import { LightDot } from '../components/LightDot';
import { get } from './api';
import { useScopeLabel } from './scopeLabel';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';
import { indicatorColumns, pct } from './Indicators';

const COLOUR: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', none: '#bfbfbf' };

function County({ id, onBack }: { id: string; onBack(): void }) {
  const { t, lang } = useCT();
  const d = useLoad(() => get<CountyDetail>('overview/county', { id }), [id]);
  const yes = (b: boolean) => (b ? t('c.ov.yes') : <Typography.Text type="danger">{t('c.ov.no')}</Typography.Text>);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={onBack}>{t('c.ov.back')}</Button>
      {d.error && <Alert type="error" showIcon title={errorText(d.error, lang)} />}
      {d.data && <Typography.Title level={5} data-testid="county-title">{t('c.ov.detail', { name: d.data.county.name })} · {t('c.ov.coverage')} {pct(d.data.county.coverage)} <LightDot light={d.data.county.lights.coverage} /></Typography.Title>}
      {d.data && <Table<CountyRow> size="small" rowKey="id" pagination={false} dataSource={[d.data.county]} columns={indicatorColumns<CountyRow>(t, lang)} scroll={{ x: 1790 }} data-testid="county-indicators" />}
      <Table<OutletRow> size="small" rowKey="id" loading={d.loading} dataSource={d.data?.outlets ?? []} pagination={{ pageSize: 12 }}
        columns={[
          { title: t('c.ov.outlet'), dataIndex: 'name' },
          { title: t('c.ov.members'), dataIndex: 'members', width: 80 },
          { title: t('c.ov.covered'), key: 'c', width: 170, render: (_, o) => <Space><LightDot light={o.lights.coverage} />{yes(o.covered)}</Space> },
          { title: t('c.ov.contacted'), key: 't', width: 170, render: (_, o) => <Space><LightDot light={o.lights.contact} />{yes(o.contacted)}</Space> },
          { title: t('c.ov.hasInstructor'), key: 'i', width: 120, render: (_, o) => yes(o.hasInstructor) },
        ]} />
    </Space>
  );
}

export function Overview({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const scopeName = useScopeLabel(me.scopePath);
  const ov = useLoad(() => get<OverviewData>('overview'), []);
  const [county, setCounty] = useState<string | null>(null);
  const counties = useMemo(() => ov.data?.counties ?? [], [ov.data]);
  const option = useMemo((): ChartOption => ({
    grid: { left: 48, right: 16, top: 24, bottom: counties.length > 20 ? 40 : 60 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: counties.map((c) => c.name), axisLabel: { rotate: counties.length > 12 ? 45 : 0, interval: counties.length > 40 ? 'auto' : 0, fontSize: 11 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', barMaxWidth: 48, name: t('c.ov.coverage'), data: counties.map((c) => ({ value: c.coverage === null ? 0 : Math.round(c.coverage * 1000) / 10, itemStyle: { color: COLOUR[c.lights.coverage] } })) }],
  }), [counties, t]);
  if (county) return <County id={county} onBack={() => setCounty(null)} />;
  const totals = ov.data?.totals;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {ov.error && <Alert type="error" showIcon title={errorText(ov.error, lang)} />}
      {ov.data && <Typography.Text type="secondary">{t('c.ov.asOf', { date: ov.data.asOf, ms: ov.data.ms })} · {scopeName}</Typography.Text>}
      <Row gutter={12}>
        <Col span={4}><Card size="small"><Statistic title={t('c.ov.counties')} value={counties.length} /></Card></Col>
        {(['red', 'yellow', 'green', 'none'] as Light[]).map((l) => (
          <Col span={4} key={l}><Card size="small"><Statistic title={<Space><LightDot light={l} />{t(`c.light.${l}`)}</Space>} value={totals?.[l] ?? 0} valueStyle={{ color: COLOUR[l] }} /></Card></Col>
        ))}
        <Col span={4}><Card size="small"><Statistic title={t('c.ov.blind')} value={counties.reduce((n, c) => n + c.uncoveredOutlets, 0)} /></Card></Col>
      </Row>
      <Card size="small" title={t('c.ov.chartCoverage')}>
        <EChart option={option} height={220} label={t('c.ov.chartCoverage')} testId="coverage-chart" onClick={(c) => setCounty(counties[c.dataIndex]?.id ?? null)} />
      </Card>
      <Card size="small" title={t('c.ov.cities')}>
        <Table<RollupRow> size="small" rowKey="id" loading={ov.loading} pagination={false} data-testid="city-table" scroll={{ x: 1890 }}
          dataSource={[...(ov.data?.cities ?? []), ...(ov.data?.province ? [{ ...ov.data.province, name: `${ov.data.province.name} · ${t('c.ov.province')}` }] : [])]}
          columns={[
            { title: t('c.ov.unit'), dataIndex: 'name', width: 160, fixed: 'left' },
            { title: t('c.ov.countiesIn'), dataIndex: 'counties', width: 84 },
            { title: t('c.ov.worst'), key: 'w', width: 76, render: (_, c) => <LightDot light={c.worst} /> },
            ...indicatorColumns<RollupRow>(t, lang),
          ]} />
        <Typography.Text type="secondary">{t('c.ov.noQuality')}</Typography.Text>
      </Card>
      <Table<CountyRow> size="small" rowKey="id" loading={ov.loading} dataSource={counties} pagination={{ pageSize: 10 }} data-testid="county-table" scroll={{ x: 2710 }}
        onRow={(c) => ({ onClick: () => setCounty(c.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('c.ov.county'), dataIndex: 'name', width: 120, fixed: 'left', render: (v: string, c) => <a data-testid={`county-${c.path}`}>{v}</a> },
          { title: t('c.ov.city'), dataIndex: 'cityName', width: 90 },
          { title: t('c.ov.worst'), key: 'w', width: 76, render: (_, c) => <LightDot light={c.worst} /> },
          ...indicatorColumns<CountyRow>(t, lang),
          { title: t('c.ov.outlets'), dataIndex: 'outlets', width: 70 },
          { title: t('c.ov.members'), dataIndex: 'members', width: 86 },
          { title: t('c.ov.orgs'), dataIndex: 'partyOrgs', width: 70 },
          { title: t('c.ov.blind'), dataIndex: 'uncoveredOutlets', width: 90 },
          { title: t('c.ov.noInstructor'), dataIndex: 'noInstructorOutlets', width: 90 },
          { title: t('c.ov.devices'), dataIndex: 'devices', width: 80 },
          { title: t('c.ov.silent'), dataIndex: 'silentDevices', width: 70 },
          { title: t('c.ov.rejected'), dataIndex: 'rejected', width: 70 },
          { title: t('c.ov.conflicts'), dataIndex: 'conflicts', width: 90 },
        ]} />
    </Space>
  );
}
