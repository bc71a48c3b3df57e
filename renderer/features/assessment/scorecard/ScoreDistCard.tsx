// 综合得分分布: how many outlets fall in each 5-point band of the dual-track composite, stacked by
// each outlet's own light (so the colours follow the thresholds in reference data, not the bands).
import { Card, Empty, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { OutletScore } from '../../../../shared/assessment/dualTrackApi.js';
import { EChart, type ChartOption } from '../../../components/EChart';
import { useT } from '../../../i18n';
import { COLOUR } from '../board/chartOptions';

const BAND = 5;

/** Outlets per band [0,5), [5,10) … [95,100], by light; unscored outlets counted apart. */
export function scoreBands(outlets: OutletScore[]): { bands: string[]; counts: Record<'red' | 'yellow' | 'green', number[]>; unscored: number } {
  const n = 100 / BAND;
  const counts = { red: Array<number>(n).fill(0), yellow: Array<number>(n).fill(0), green: Array<number>(n).fill(0) };
  let unscored = 0;
  for (const o of outlets) {
    if (o.composite === null || o.light === 'none') {
      unscored++;
      continue;
    }
    counts[o.light][Math.min(n - 1, Math.floor(o.composite / BAND))]!++;
  }
  const bands = Array.from({ length: n }, (_, i) => `${i * BAND}–${i === n - 1 ? 100 : (i + 1) * BAND}`);
  return { bands, counts, unscored };
}

export function ScoreDistCard({ outlets }: { outlets: OutletScore[] }) {
  const { t, lang } = useT();
  const d = useMemo(() => scoreBands(outlets), [outlets]);
  const scored = outlets.length - d.unscored;
  const option = useMemo((): ChartOption => ({
    grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: d.bands, axisLabel: { fontSize: 10, interval: 1 } },
    yAxis: { type: 'value', minInterval: 1, name: t('av.outlets'), nameTextStyle: { fontSize: 11 } },
    series: (['red', 'yellow', 'green'] as const).map((k) => ({ type: 'bar' as const, name: t(`as.${k}`), stack: 'n', data: d.counts[k], itemStyle: { color: COLOUR[k] } })),
  }), [d, lang]);
  return (
    <Card size="small" data-testid="dt-dist"
      title={<Tooltip title={t('av.distHint')}>{t('av.distTitle')}</Tooltip>}
      extra={d.unscored > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('av.distUnscored', { n: d.unscored })}</Typography.Text>}>
      {scored === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('av.distNone')} /> : (
        <EChart option={option} height={200} testId="dt-dist-chart" label={t('av.distLabel', { n: scored })} />
      )}
    </Card>
  );
}
