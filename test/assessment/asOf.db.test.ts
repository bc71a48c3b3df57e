// A past month's warning board on the org tree of its time (issue 12 item 4): an outlet moved to
// another county and re-covered by another branch, an organisation deleted, another created, and a
// change another device made (arrived by sync) — last month shows the old tree, this month the new.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { loadScopeFacts } from '../../db/assessment/facts.js';
import { storePulled } from '../../db/history/pull.js';
import { syncState, withoutCapture } from '../../db/sync/state.js';
import { encodeHlc, hlcMs } from '../../shared/sync/hlc.js';
import type { BoardLight } from '../../shared/assessment/types.js';
import { tempProfile } from '../support/store.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call } from '../support/builders.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let clock = 0;
const at = (iso: string) => (clock = Date.parse(iso));

beforeEach(async () => {
  p = await tempProfile();
  at('2026-10-05T02:00:00Z');
  // The device's own clock is the test's: history is stamped when each change is made.
  syncState(p.store.raw)!.physicalNow = () => clock;
  ctx = { ...p.context(), now: () => new Date(clock), session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
});
afterEach(async () => p.cleanup());

const light = (ls: BoardLight[], kind: string, id: string, indicator: string) => ls.find((l) => l.subjectKind === kind && l.subjectId === id && l.indicator === indicator);

async function world() {
  const a = await buildTree(ctx, 'asofa');
  const b = await buildTree(ctx, 'asofb');
  const x = await buildOutlet(ctx, a.county.id, { name: '迁出网点', gridId: a.grid.id });
  const wo = await buildOutlet(ctx, a.county.id, { name: '撤销覆盖网点', gridId: a.grid.id });
  const y = await buildOutlet(ctx, b.county.id, { name: '他机改动网点', gridId: b.grid.id });
  const p1 = await buildBranch(ctx, a.county.id, { name: '甲县第一党支部', outletIds: [x.id] });
  const q = await buildBranch(ctx, a.county.id, { name: '甲县待撤党支部', outletIds: [wo.id] });
  const p2 = await buildBranch(ctx, b.county.id, { name: '乙县党支部', outletIds: [y.id] });
  await buildMember(ctx, x.id, p1.id, { name: '王迁' });
  await buildMember(ctx, x.id, p1.id, { name: '李迁' });
  await buildMember(ctx, wo.id, p1.id, { name: '张留' });
  await buildMember(ctx, y.id, p2.id, { name: '赵乙' });
  return { a, b, x, wo, y, p1, q, p2 };
}

describe('a past month’s board on the org tree of its time', () => {
  it('shows last month the old counties and coverage, this month the new ones', async () => {
    const w = await world();
    const first = p.store.raw.prepare(`SELECT min(hlc) AS h FROM record_history`).get() as { h: string };
    expect(new Date(hlcMs(first.h)).toISOString().slice(0, 10)).toBe('2026-10-05');
    // the board's legend names the day since which past trees are known
    expect(await call(ctx, 'assessment.treeSince', {})).toEqual({ since: '2026-10-05' });

    at('2026-11-10T02:00:00Z');
    const x = await call(ctx, 'outlets.get', { id: w.x.id });
    await call(ctx, 'outlets.save', { id: x.id, code: x.code, name: x.name, channelType: x.channelType, countyId: w.b.county.id, gridId: w.b.grid.id, coverageOrgId: w.p2.id });
    await call(ctx, 'partyOrgs.delete', { id: w.q.id });
    const r = await buildBranch(ctx, w.b.county.id, { name: '乙县新建党支部' });
    // Another device uncovered outlet Y: the row arrives by sync (no capture), its history from HQ.
    withoutCapture(p.store.raw, () => p.store.raw.prepare(`UPDATE outlets SET coverage_org_id = NULL WHERE id = ?`).run(w.y.id));
    const stamp = encodeHlc({ ms: clock, counter: 0, node: 'other-device' });
    const pulled = storePulled(p.store.raw, p.session.deviceId, {
      entries: [{ seq: 1, t: 'outlets', r: w.y.id, p: w.b.county.path, op: 'update', c: 'coverage_org_id', o: JSON.stringify(w.p2.id), n: null, d: 'other-device', h: stamp, at: new Date(clock).toISOString() }],
      cursor: 1, more: false, hqTime: clock,
    });
    expect(pulled).toBe(1);

    at('2026-11-20T04:00:00Z');
    const oct = (await call(ctx, 'assessment.board', { period: '2026-10' })).lights;
    const nov = (await call(ctx, 'assessment.board', { period: '2026-11' })).lights;

    // the moved outlet: in county A's grid last month, in county B's this month, covered both times
    expect(light(oct, 'outlet', w.x.id, 'coverage')).toMatchObject({ colour: 'green', countyId: w.a.county.id, gridId: w.a.grid.id });
    expect(light(nov, 'outlet', w.x.id, 'coverage')).toMatchObject({ colour: 'green', countyId: w.b.county.id, gridId: w.b.grid.id });
    // the deleted organisation covered its outlet last month; this month nobody does
    expect(light(oct, 'outlet', w.wo.id, 'coverage')!.colour).toBe('green');
    expect(light(nov, 'outlet', w.wo.id, 'coverage')!.colour).toBe('red');
    // the change made on another device rewinds too
    expect(light(oct, 'outlet', w.y.id, 'coverage')!.colour).toBe('green');
    expect(light(nov, 'outlet', w.y.id, 'coverage')!.colour).toBe('red');
    // county counts follow: A had X's two members and W's one, all covered; now only W's, uncovered
    expect(light(oct, 'county', w.a.county.id, 'coverage')).toMatchObject({ colour: 'green', value: 1 });
    expect(light(nov, 'county', w.a.county.id, 'coverage')).toMatchObject({ colour: 'red', value: 0 });
    expect(light(oct, 'county', w.b.county.id, 'coverage')!.value).toBe(1);
    expect(light(nov, 'county', w.b.county.id, 'coverage')!.value).toBeCloseTo(2 / 3, 5);
    // organisations: the deleted one stood last month, the new one did not
    const orgIds = (ls: BoardLight[]) => new Set(ls.filter((l) => l.subjectKind === 'org').map((l) => l.subjectId));
    expect(orgIds(nov).has(w.q.id)).toBe(false);
    expect(orgIds(oct).has(r.id)).toBe(false);
    const octFacts = await loadScopeFacts(ctx.db, '/', '2026-10-31');
    const novFacts = await loadScopeFacts(ctx.db, '/', '2026-11-20');
    expect(octFacts.orgs.map((o) => o.id)).toContain(w.q.id);
    expect(octFacts.orgs.map((o) => o.id)).not.toContain(r.id);
    expect(novFacts.orgs.map((o) => o.id)).toContain(r.id);
    expect(novFacts.orgs.map((o) => o.id)).not.toContain(w.q.id);
  });

  it('keeps today’s values for a record with no history, and today’s tree for a month before history began', async () => {
    const w = await world();
    at('2026-11-10T02:00:00Z');
    // renamed and moved by a bulk load (no capture, no history): nothing says what it was
    withoutCapture(p.store.raw, () =>
      p.store.raw.prepare(`UPDATE outlets SET name = '批量改名网点', county_id = ?, grid_id = ?, scope_path = ? WHERE id = ?`).run(w.b.county.id, w.b.grid.id, w.b.grid.path, w.wo.id),
    );
    await call(ctx, 'partyOrgs.delete', { id: w.q.id });
    at('2026-11-20T04:00:00Z');
    const oct = await loadScopeFacts(ctx.db, '/', '2026-10-31');
    expect(oct.outlets.find((o) => o.id === w.wo.id)).toMatchObject({ name: '批量改名网点', countyId: w.b.county.id, covered: true });
    // September ended before this device recorded anything: today's tree, the deleted branch gone
    const sep = await loadScopeFacts(ctx.db, '/', '2026-09-30');
    expect(sep.orgs.map((o) => o.id)).not.toContain(w.q.id);
    expect(sep.outlets.find((o) => o.id === w.wo.id)!.covered).toBe(false);
  });
});
