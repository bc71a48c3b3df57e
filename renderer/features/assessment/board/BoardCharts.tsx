// The board's charts (ECharts through components/EChart): the heat view by county or organisation
// (a cell opens the light's causes), the trend of lights per month and coverage by county or grid.
import { Card, Empty, Tooltip } from 'antd';
import { useMemo } from 'react';
import type { BoardLight, TrendPoint } from '../../../../shared/assessment/types.js';
import type { RatioBands } from '../../../../shared/assessment/thresholds.js';
import { EChart } from '../../../components/EChart';
import { useT } from '../../../i18n';
import { coverageBars, coverageOption, heatGrid, heatOption, trendOption } from './chartOptions';

const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
const pctText = (x: number) => `${Math.round(x * 1000) / 10}%`;

function useNames() {
  const { t, lang } = useT();
  return useMemo(() => ({ red: t('as.red'), yellow: t('as.yellow'), green: t('as.green') }), [lang]);
}

export function HeatCard({ lights, onOpen }: { lights: BoardLight[]; onOpen(l: BoardLight): void }) {
  const { t, lang } = useT();
  const names = useNames();
  const { byCounty, grid } = useMemo(() => heatGrid(lights), [lights]);
  const option = useMemo(() => heatOption(grid, lang, names), [grid, lang, names]);
  // A row is 22 px; a long list scrolls inside the card rather than pushing the table down.
  const height = 70 + grid.rows.length * 22;
  return (
    <Card size="small" title={<Tooltip title={t('av.heatHint')}>{t(byCounty ? 'av.heatCounties' : 'av.heatOrgs')}</Tooltip>} data-testid="as-heat">
      {grid.rows.length === 0 ? none(t('av.heatNone')) : (
        <div style={{ maxHeight: 300, overflowY: 'auto' }}>
          <EChart option={option} height={height} testId="as-heat-chart"
            label={t('av.heatLabel', { n: grid.rows.length, what: t(byCounty ? 'av.counties' : 'av.orgs'), k: grid.indicators.length })}
            onClick={(c) => {
              const l = grid.lights[c.dataIndex];
              if (l) onOpen(l);
            }} />
        </div>
      )}
    </Card>
  );
}

export function TrendCard({ points }: { points: TrendPoint[] }) {
  const { t } = useT();
  const names = useNames();
  const option = useMemo(() => trendOption(points, names), [points, names]);
  return (
    <Card size="small" title={<Tooltip title={t('as.trendHint')}>{t('as.trend')}</Tooltip>} data-testid="as-trend">
      {points.length === 0 ? none(t('as.trendNone')) : <EChart option={option} height={190} testId="as-trend-chart" label={t('av.trendLabel', { n: points.length })} />}
    </Card>
  );
}

export function CoverageCard({ lights, bands }: { lights: BoardLight[]; bands: RatioBands }) {
  const { t, lang } = useT();
  const { byCounty, bars } = useMemo(() => coverageBars(lights), [lights]);
  const option = useMemo(
    () => coverageOption(bars, bands, { green: t('av.greenLine', { v: pctText(bands.green) }), yellow: t('av.yellowLine', { v: pctText(bands.yellow) }) }),
    [bars, bands, lang],
  );
  return (
    <Card size="small" title={<Tooltip title={t('av.coverageHint')}>{t(byCounty ? 'av.coverageCounties' : 'av.coverageGrids')}</Tooltip>} data-testid="as-coverage">
      {bars.length === 0 ? none(t('av.coverageNone')) : (
        <EChart option={option} height={190} testId="as-coverage-chart" label={t('av.coverageLabel', { n: bars.length, min: pctText(bars[0]!.value!) })} />
      )}
    </Card>
  );
}
