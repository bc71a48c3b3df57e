// The chart itself: echarts/core with the bar and heatmap charts and the SVG renderer registered
// (SVG keeps text selectable, prints sharply, and renders under jsdom in tests). Animation is off:
// a board is read, not watched, and screenshots and prints come out the same every time.
import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart, type BarSeriesOption, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
  type GridComponentOption, type LegendComponentOption, type MarkLineComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | HeatmapSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption | VisualMapComponentOption
>;
export interface ChartClick { seriesIndex: number; dataIndex: number; name: string }

// Before layout (or under jsdom) an element has no width; the chart starts at this one and follows
// the element's size once it has one.
const FIRST_WIDTH = 600;

export default function EChartCore({ option, height, label, testId, onClick }: {
  option: ChartOption; height: number; label: string; testId?: string; onClick?: (c: ChartClick) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const box = el.current!;
    const c = init(box, null, { renderer: 'svg', height, width: box.clientWidth || FIRST_WIDTH });
    chart.current = c;
    c.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex, name: p.name }));
    const ro = new ResizeObserver(() => {
      if (box.clientWidth) c.resize({ width: box.clientWidth, height });
    });
    ro.observe(box);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [height]);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option, height]);
  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
