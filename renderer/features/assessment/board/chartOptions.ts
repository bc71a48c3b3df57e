// The board's charts as ECharts options, built from the board's lights and the thresholds (no
// number of its own): the heat view (subject × indicator, cell = light), the trend of lights per
// month, coverage per county or grid against its cut points, and lights per indicator.
import type { BoardLight, ColourCounts, TrendPoint } from '../../../../shared/assessment/types.js';
import { INDICATORS, type Indicator, type RatioBands } from '../../../../shared/assessment/thresholds.js';
import type { ChartOption } from '../../../components/EChart';
import { INDICATOR_SHORT } from '../labels';

export const COLOUR = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' } as const;
const LEVEL = { green: 0, yellow: 1, red: 2 } as const;
type Lang = 'zh' | 'en';
type Names = { red: string; yellow: string; green: string };

export interface HeatGrid {
  rows: { id: string; name: string }[];
  indicators: Indicator[];
  /** [indicator index, row index, 0 green / 1 yellow / 2 red] — the heatmap's data. */
  cells: [number, number, number][];
  lights: BoardLight[];
}

/** Counties when the scope holds more than one, else the Party organisations; worst rows first. */
export function heatGrid(lights: BoardLight[]): { byCounty: boolean; grid: HeatGrid } {
  const counties = new Set(lights.filter((l) => l.subjectKind === 'county').map((l) => l.subjectId));
  const byCounty = counties.size > 1;
  const kind = byCounty ? 'county' : 'org';
  const mine = lights.filter((l) => l.subjectKind === kind && l.colour !== 'none');
  // In the board's order; one this screen does not know yet (a newer backend) goes last, not lost.
  const present = new Set(mine.map((l) => l.indicator));
  const indicators = [...INDICATORS.filter((i) => present.has(i)), ...[...present].filter((i) => !INDICATORS.includes(i))];
  const score = new Map<string, { name: string; red: number; yellow: number }>();
  for (const l of mine) {
    const s = score.get(l.subjectId) ?? score.set(l.subjectId, { name: l.subjectName, red: 0, yellow: 0 }).get(l.subjectId)!;
    if (l.colour === 'red') s.red++;
    if (l.colour === 'yellow') s.yellow++;
  }
  // ECharts draws the first category at the bottom: the worst row goes last so it shows on top.
  const rows = [...score.entries()]
    .sort(([, a], [, b]) => a.red - b.red || a.yellow - b.yellow || b.name.localeCompare(a.name, 'zh-CN'))
    .map(([id, s]) => ({ id, name: s.name }));
  const rowIx = new Map(rows.map((r, i) => [r.id, i]));
  const cells: [number, number, number][] = [];
  const cellLights: BoardLight[] = [];
  for (const l of mine) {
    if (l.colour === 'none') continue;
    cells.push([indicators.indexOf(l.indicator), rowIx.get(l.subjectId)!, LEVEL[l.colour]]);
    cellLights.push(l);
  }
  return { byCounty, grid: { rows, indicators, cells, lights: cellLights } };
}

export function heatOption(g: HeatGrid, lang: Lang, names: Names): ChartOption {
  const colourName = [names.green, names.yellow, names.red];
  return {
    grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
    tooltip: {
      formatter: (p) => {
        const l = g.lights[(p as { dataIndex: number }).dataIndex];
        return l ? `${l.subjectName}<br/>${INDICATOR_SHORT[l.indicator]?.[lang] ?? l.indicator}：${colourName[LEVEL[l.colour as keyof typeof LEVEL]]}` : '';
      },
    },
    xAxis: { type: 'category', position: 'top', data: g.indicators.map((i) => INDICATOR_SHORT[i]?.[lang] ?? i), axisLabel: { interval: 0, fontSize: 11, rotate: lang === 'en' ? 20 : 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: g.rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate', fontSize: 11 } },
    visualMap: { type: 'piecewise', show: false, dimension: 2, pieces: [{ value: 0, color: COLOUR.green }, { value: 1, color: COLOUR.yellow }, { value: 2, color: COLOUR.red }] },
    series: [{ type: 'heatmap', data: g.cells, itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
  };
}

const stacked = (names: Names, data: Record<keyof ColourCounts, number[]>, horizontal = false): ChartOption['series'] =>
  (['red', 'yellow', 'green'] as const).map((k) => ({
    type: 'bar' as const, name: names[k], stack: 'n', data: data[k], itemStyle: { color: COLOUR[k] }, barMaxWidth: horizontal ? 14 : 28,
  }));

export function trendOption(points: TrendPoint[], names: Names): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, data: [names.red, names.yellow, names.green] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: { type: 'value', minInterval: 1 },
    series: stacked(names, { red: points.map((p) => p.red), yellow: points.map((p) => p.yellow), green: points.map((p) => p.green) }),
  };
}

/** Coverage of each county (or grid, within one county), lowest first, against the two cut points. */
export function coverageBars(lights: BoardLight[]): { byCounty: boolean; bars: BoardLight[] } {
  const cov = lights.filter((l) => l.indicator === 'coverage' && !l.derived && l.value !== null);
  const counties = cov.filter((l) => l.subjectKind === 'county');
  const byCounty = counties.length > 1;
  const bars = (byCounty ? counties : cov.filter((l) => l.subjectKind === 'grid')).sort((a, b) => a.value! - b.value! || a.subjectName.localeCompare(b.subjectName, 'zh-CN'));
  return { byCounty, bars };
}

export function coverageOption(bars: BoardLight[], bands: RatioBands, lines: { green: string; yellow: string }): ChartOption {
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const low = Math.min(...bars.map((b) => b.value!), bands.yellow);
  return {
    grid: { left: 8, right: 84, top: 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
    xAxis: { type: 'category', data: bars.map((b) => b.subjectName), axisLabel: { fontSize: 11, width: Math.max(48, Math.min(140, 480 / bars.length)), overflow: 'truncate', rotate: bars.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: Math.max(0, Math.floor(pct(low) / 10) * 10 - 10), max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      type: 'bar', barMaxWidth: 28,
      data: bars.map((b) => ({ value: pct(b.value!), itemStyle: { color: COLOUR[b.colour === 'none' ? 'green' : b.colour] } })),
      markLine: {
        symbol: 'none', silent: true, lineStyle: { type: 'dashed' },
        data: [
          { yAxis: pct(bands.green), label: { formatter: lines.green, position: 'end' }, lineStyle: { color: COLOUR.green } },
          { yAxis: pct(bands.yellow), label: { formatter: lines.yellow, position: 'end' }, lineStyle: { color: COLOUR.yellow } },
        ],
      },
    }],
  };
}

/** Measured lights per indicator (the 工作台's glance): a horizontal stacked bar each. */
export function glanceOption(lights: BoardLight[], lang: Lang, names: Names): ChartOption {
  const shown = INDICATORS.filter((i) => lights.some((l) => l.indicator === i && !l.derived && l.colour !== 'none')).reverse();
  const count = (i: Indicator, c: keyof ColourCounts) => lights.filter((l) => l.indicator === i && !l.derived && l.colour === c).length;
  return {
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0, data: [names.red, names.yellow, names.green] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((i) => INDICATOR_SHORT[i][lang]), axisLabel: { fontSize: 11 } },
    series: stacked(names, { red: shown.map((i) => count(i, 'red')), yellow: shown.map((i) => count(i, 'yellow')), green: shown.map((i) => count(i, 'green')) }, true),
  };
}
