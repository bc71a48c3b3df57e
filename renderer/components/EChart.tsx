// One ECharts chart for any feature. The chart code (echarts/core with only the charts used and the
// SVG renderer, in echartsCore.tsx) loads in its own chunk the first time a chart is shown, so the
// first page does not carry it. The option type is imported as a type only, for the same reason.
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartClick, ChartOption } from './echartsCore';

export type { ChartClick, ChartOption } from './echartsCore';

const Core = lazy(() => import('./echartsCore'));

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** What the chart shows, in words (read by screen readers and shown while it loads). */
  label: string;
  testId?: string;
  onClick?: (c: ChartClick) => void;
}

export function EChart(p: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: p.height }}><span>{p.label}</span></Skeleton.Node>}>
      <Core {...p} />
    </Suspense>
  );
}
