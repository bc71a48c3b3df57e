// The board's and the 工作台's charts (ECharts, SVG renderer) against a real backend holding a
// two-county synthetic province: the heat view has a cell per county light, the trend has its
// legend, coverage is drawn per county with its cut points, the 工作台 shows the month's lights per indicator, and a scope with no lights says so instead of an empty chart.
import { render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { setTransport } from '../../renderer/api/client';
import { LightsGlanceCard } from '../../renderer/features/assessment';
import { BoardTab } from '../../renderer/features/assessment/board/BoardTab';
import type { Board } from '../../shared/assessment/types.js';
import { tempProfile } from '../support/store.js';
import { generateProvince } from '../synthetic/generate.js';
// Loaded up front: the chart chunk's first transform under vitest takes longer than a wait should.
import '../../renderer/components/echartsCore';

let p: Awaited<ReturnType<typeof tempProfile>>;
// 12:00 on 3 December in Beijing.
const now = () => new Date('2026-12-03T04:00:00Z');
const connect = (session: Partial<ApiContext['session']> = {}) => {
  const ctx: ApiContext = { ...p.context(), session: { ...p.context().session, ...session }, now };
  setTransport({ invoke: async (name, input) => dispatch(ctx, name, input) });
  return ctx;
};
beforeEach(async () => {
  p = await tempProfile();
});
afterEach(async () => p.cleanup());

const svgIn = async (testId: string) => waitFor(() => {
  const svg = document.querySelector(`[data-testid="${testId}"] svg`);
  if (!svg) throw new Error(`no svg in ${testId}: ${document.body.textContent?.slice(0, 400)}`);
  return svg;
}, { timeout: 30_000 });

describe('charts of a province', () => {
  let board: Board;
  beforeEach(async () => {
    await generateProvince(p.store.raw, { counties: 2, seed: 1, today: '2026-11-25' });
    const ctx = connect({ role: 'hq_admin', scopePath: '/' });
    const r = await dispatch(ctx, 'assessment.board', { period: '2026-12' });
    if (!r.ok) throw new Error(r.error.message);
    board = r.data as Board;
  });

  it('draws the heat view by county, the trend with its legend and coverage per county', async () => {
    render(<App><BoardTab /></App>);
    const heat = await svgIn('as-heat-chart');
    const counties = board.lights.filter((l) => l.subjectKind === 'county');
    const names = [...new Set(counties.map((l) => l.subjectName))];
    expect(names).toHaveLength(2);
    expect(screen.getByText('各县预警热力图')).toBeTruthy();
    for (const n of names) expect(heat.textContent).toContain(n);
    expect(heat.textContent).toContain('组织覆盖');
    // One cell per county light that has a colour.
    const cells = heat.querySelectorAll('path[fill="#f5222d"], path[fill="#faad14"], path[fill="#52c41a"]');
    expect(cells.length).toBe(counties.filter((l) => l.colour !== 'none').length);

    const trend = await svgIn('as-trend-chart');
    for (const legend of ['红灯', '黄灯', '绿灯']) expect(trend.textContent).toContain(legend);
    expect(trend.textContent).toContain('2026-12');

    const cov = await svgIn('as-coverage-chart');
    expect(screen.getByText('各县党员组织覆盖率')).toBeTruthy();
    expect(cov.textContent).toContain('绿灯 98%');
    expect(cov.textContent).toContain('黄灯 90%');
    for (const n of names) expect(cov.textContent).toContain(n);

    // Which cells are red is the counties' own lights (clicking one is in test/e2e: jsdom has no layout to hit).
    expect(heat.querySelectorAll('path[fill="#f5222d"]').length).toBe(counties.filter((l) => l.colour === 'red').length);
  }, 90_000);

  it('gives the 工作台 a bar per indicator with the month’s counts', async () => {
    render(<App><LightsGlanceCard /></App>);
    const chart = await svgIn('dash-lights-chart');
    for (const legend of ['红灯', '黄灯', '绿灯', '组织覆盖', '数据质量']) expect(chart.textContent).toContain(legend);
    const card = screen.getByTestId('dash-lights');
    expect(card.textContent).toContain('本月预警一览 · 2026-12');
    expect(card.textContent).toContain(String(board.counts.red));
  });
});

describe('an empty scope', () => {
  it('says there is nothing to chart rather than drawing empty axes', async () => {
    connect({ role: 'county_organiser', scopePath: '/' });
    render(<App><BoardTab /></App>);
    await screen.findByText('本月没有可显示的灯', {}, { timeout: 10_000 });
    expect(screen.getByText('范围内没有有党员的网点')).toBeTruthy();
    expect(document.querySelector('[data-testid="as-heat-chart"]')).toBeNull();
    render(<App><LightsGlanceCard /></App>);
    await screen.findByText('本月尚无预警数据', {}, { timeout: 10_000 });
  });
});
