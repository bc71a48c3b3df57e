import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Band } from '../../../../shared/people/rules.js';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { PeopleDrawer, type Drill } from '../PeopleDrawer';
import { useRegText } from '../text';
import { BreachesTable, OutletTable, RankingTable } from './CoverageTables';

export const BAND_COLOR: Record<Band, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 覆盖盲区: the figures with red/yellow/green, then each list; every list drills down and exports. */
export function CoveragePanel() {
  const r = useRegText();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [drill, setDrill] = useState<Drill | null>(null);
  const units = useApi('orgUnits.list', {});
  const s = useApi('coverage.summary', { unitId }).data;
  const color = (b: Band | null | undefined) => (b ? BAND_COLOR[b] : undefined);
  const common = { unitId, onDrill: setDrill };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      <Card size="small">
        <Row gutter={16} align="middle">
          <Col span={5}>
            <Typography.Text type="secondary">{r('cov.unit')}</Typography.Text>
            <UnitSelect units={units.data ?? []} allowClear levels={['hq', 'city', 'county']} style={{ width: '100%' }} value={unitId} onChange={setUnitId} />
          </Col>
          <Col span={4}><Statistic title={r('cov.coverage')} value={pct(s?.coverage ?? null)} styles={{ content: { color: color(s?.coverageBand) } }} /></Col>
          <Col span={4}><Statistic title={r('cov.contact')} value={pct(s?.contact ?? null)} styles={{ content: { color: color(s?.contactBand) } }} /></Col>
          <Col span={4}><Statistic title={r('cov.uncovered')} value={s?.uncoveredWithMembers ?? '—'} /></Col>
          <Col span={3}><Statistic title={r('cov.noInstructor')} value={s?.withoutInstructor ?? '—'} /></Col>
          <Col span={3}><Statistic title={r('cov.breaches')} value={s?.breaches ?? '—'} /></Col>
          <Col span={1}><Tooltip title={r('cov.help')}><InfoCircleOutlined aria-label={r('cov.help')} /></Tooltip></Col>
        </Row>
      </Card>
      <Card size="small">
        <Tabs
          size="small"
          destroyOnHidden
          items={[
            { key: 'uncovered', label: r('cov.uncovered'), children: <OutletTable kind="uncovered" {...common} /> },
            { key: 'no_instructor', label: r('cov.noInstructor'), children: <OutletTable kind="no_instructor" {...common} /> },
            { key: 'county', label: r('cov.rankCounty'), children: <RankingTable level="county" {...common} onUnit={setUnitId} /> },
            { key: 'grid', label: r('cov.rankGrid'), children: <RankingTable level="grid" {...common} onUnit={setUnitId} /> },
            { key: 'breaches', label: r('cov.breaches'), children: <BreachesTable {...common} /> },
          ]}
        />
      </Card>
      <PeopleDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
