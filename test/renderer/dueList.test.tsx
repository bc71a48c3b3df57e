// 待办 against a real backend (field trial: hundreds of items in one scroll, bare 99+ badges, no way
// for an instructor to see their own). A synthetic county's list is grouped by kind and by
// organisation or instructor, folded, paged, filtered and counted in words; an instructor sees
// their own items by default, and is told why when the app cannot tell which are theirs.
// (Clicks are fireEvent's and buttons are found by text: user-event's pointer checks and role
// queries read every ancestor's style, which jsdom makes slow on a page this size.)
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { setTransport } from '../../renderer/api/client';
import { DueList } from '../../renderer/features/orglife';
import type { DueReport } from '../../shared/orglife/contract.js';
import { buildWorld, type World } from '../orglife/world.js';
import { buildOutlet, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { generateProvince } from '../synthetic/generate.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
// 12:00 on 3 December in Beijing.
const now = () => new Date('2026-12-03T04:00:00Z');
const connect = (session: Partial<ApiContext['session']> = {}) => {
  const ctx = { ...p.context(), session: { ...p.context().session, ...session }, now };
  setTransport({ invoke: async (name, input) => dispatch(ctx, name, input) });
  return ctx;
};
beforeEach(async () => {
  p = await tempProfile();
});
afterEach(async () => p.cleanup());

const items = () => screen.queryAllByTestId('due-item');
const section = (kind: string) => (screen.queryByTestId(`due-section-${kind}`)?.closest('section') ?? null) as HTMLElement | null;
const countsOf = (el: HTMLElement) => {
  const m = /已逾期\s*(\d+)\s*·\s*即将到期\s*(\d+)\s*·\s*本期待办\s*(\d+)/.exec(el.textContent ?? '');
  if (!m) throw new Error(`no labelled counts in “${el.textContent}”`);
  return m.slice(1).map(Number);
};
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const o = await waitFor(() => {
    const el = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((x) => x.getAttribute('title')?.startsWith(option));
    if (!el) throw new Error(`${option} not offered`);
    return el;
  });
  fireEvent.click(o);
}

describe('a county’s long list', () => {
  let report: DueReport;
  beforeEach(async () => {
    await generateProvince(p.store.raw, { counties: 1, seed: 1, today: '2026-11-25' });
    const ctx = connect();
    const r = await dispatch(ctx, 'orgLife.due', {});
    if (!r.ok) throw new Error(r.error.message);
    report = r.data as DueReport;
  });

  it('is grouped by kind and organisation, folded and paged, with counts in words that add up', async () => {
    expect(report.items.length).toBeGreaterThan(60);
    render(<App><DueList /></App>);
    const counts = await screen.findByTestId('due-counts', {}, { timeout: 8000 });
    const [overdue, soon, due] = countsOf(counts);
    expect(overdue! + soon! + due!).toBe(report.items.length);
    expect(overdue).toBe(report.items.filter((i) => i.level === 'overdue').length);
    expect(document.body.textContent).not.toContain('99+');

    // A long list starts folded: kinds open, each listing its groups with their own counts.
    expect(items()).toHaveLength(0);
    const meetings = section('meeting')!;
    const orgs = new Set(report.items.filter((i) => i.kind === 'meeting').map((i) => i.orgId)).size;
    expect(orgs).toBeGreaterThan(8);
    expect(within(meetings).getAllByTestId('due-group')).toHaveLength(8); // a page of groups
    const pages = Math.ceil(orgs / 8);
    expect(within(meetings).getByTitle(String(pages))).toBeTruthy(); // and pages for the rest
    const first = within(meetings).getAllByTestId('due-group')[0]!;
    expect(first.textContent).toMatch(/^.+共 \d+ 项/);

    // Opening a group lists its items, ten at a time, most urgent group first.
    fireEvent.click(first);
    await waitFor(() => expect(items().length).toBeGreaterThan(0));
    expect(items().length).toBeLessThanOrEqual(10);
    expect(items()[0]!.textContent).toContain('已逾期');
  }, 30_000);

  it('filters by kind and urgency, says how many are shown, and opens the form for an item', async () => {
    render(<App><DueList /></App>);
    await screen.findByTestId('due-counts', {}, { timeout: 8000 });
    const visits = report.items.filter((i) => i.kind === 'visit');
    await pick('全部类型', '驻点走访');
    await waitFor(() => expect(section('meeting')).toBeNull());
    expect(section('visit')).toBeTruthy();
    expect(screen.getByText(`共 ${report.items.length} 项，显示 ${visits.length} 项`)).toBeTruthy();
    await pick('全部紧急程度', '已逾期');
    const late = visits.filter((i) => i.level === 'overdue');
    await waitFor(() => expect(screen.getByText(`共 ${report.items.length} 项，显示 ${late.length} 项`)).toBeTruthy());
    // Few enough now to start open: every item listed is an overdue visit.
    await waitFor(() => expect(items()).toHaveLength(late.length));
    for (const el of items()) expect(el.textContent).toMatch(/^已逾期驻点走访/);

    fireEvent.click(within(items()[0]!).getByText('去走访').closest('button')!);
    const notice = await screen.findByTestId('settle-period');
    expect(notice.textContent).toContain('补登2026年11月的记录');
  }, 30_000);
});

describe('只看我的', () => {
  let w: World;
  let zhou: { id: string };
  beforeEach(async () => {
    const ctx = connect();
    w = await buildWorld(ctx);
    await call(ctx, 'instructorAssignments.save', { instructorId: w.instructor.id, outletId: w.outlet.id, validFrom: '2026-01-01', isContactPoint: true });
    zhou = await call(ctx, 'instructors.save', { name: '周指导', unitId: w.county.id, active: true, personId: null });
    const far = await buildOutlet(ctx, w.county.id, { name: '华清路营业厅' });
    await call(ctx, 'partyOrgs.save', { id: w.other.id, name: w.other.name, orgType: 'branch', unitId: w.county.id, outletIds: [far.id] });
    await call(ctx, 'instructorAssignments.save', { instructorId: zhou.id, outletId: far.id, validFrom: '2026-01-01', isContactPoint: true });
  });
  const listed = () => items().map((el) => el.textContent ?? '');

  it('is on for an instructor: their branch, their visits and duties, not a colleague’s; off shows everyone’s', async () => {
    const ctx = connect({ role: 'instructor', userName: '孙指导' });
    render(<App><DueList /></App>);
    await waitFor(() => expect(listed().some((x) => x.includes(w.branch.name))).toBe(true), { timeout: 8000 });
    expect(screen.getByTestId('due-mine').getAttribute('aria-checked')).toBe('true');
    expect(listed().some((x) => x.includes('骊山路营业厅') && x.includes('孙指导'))).toBe(true);
    expect(listed().some((x) => x.includes('预备党员转正 · 陈预备'))).toBe(true);
    expect(listed().some((x) => x.includes(w.other.name) || x.includes('周指导'))).toBe(false);
    const report = (await call(ctx, 'orgLife.due', {})).items;
    const mine = report.filter((i) => i.owners.includes(w.instructor.id)).length;
    expect(countsOf(screen.getByTestId('due-counts')).reduce((a, b) => a + b, 0)).toBe(mine);
    expect(mine).toBeLessThan(report.length);

    fireEvent.click(screen.getByTestId('due-mine'));
    await waitFor(() => expect(listed().some((x) => x.includes(w.other.name))).toBe(true));
    expect(listed().some((x) => x.includes('周指导'))).toBe(true);
    expect(countsOf(screen.getByTestId('due-counts')).reduce((a, b) => a + b, 0)).toBe(report.length);
  }, 30_000);

  it('is off for a county organiser', async () => {
    connect({ role: 'county_organiser', userName: '县级组织员' });
    render(<App><DueList /></App>);
    await waitFor(() => expect(listed().some((x) => x.includes(w.other.name))).toBe(true), { timeout: 8000 });
    expect(screen.getByTestId('due-mine').getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByTestId('due-mine-none')).toBeNull();
  }, 30_000);

  it('says why nothing is listed when no instructor record has the user’s name', async () => {
    connect({ role: 'instructor', userName: '王五' });
    render(<App><DueList /></App>);
    const alert = await screen.findByTestId('due-mine-none', {}, { timeout: 8000 });
    expect(alert.textContent).toContain('没有与登录名“王五”同名的在岗指导员记录');
    expect(items()).toHaveLength(0);
    expect(screen.getByText('没有符合筛选条件的待办')).toBeTruthy();
  }, 30_000);
});
