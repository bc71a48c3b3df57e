// "Today" is the Beijing calendar day everywhere: at 23:30 UTC it is already tomorrow in Beijing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { beijingDayOf, todayInBeijing } from '../../shared/core/dates.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

describe('todayInBeijing', () => {
  it('turns the day at 16:00 UTC (midnight in Beijing), not at midnight UTC', () => {
    expect(todayInBeijing(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(todayInBeijing(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(todayInBeijing(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(todayInBeijing(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(beijingDayOf('2026-02-28T20:00:00.000Z')).toBe('2026-03-01');
  });
});

describe('the API at 23:30 UTC', () => {
  type P = Awaited<ReturnType<typeof tempProfile>>;
  let p: P;
  beforeEach(async () => {
    p = await tempProfile({ role: 'county_organiser' });
  });
  afterEach(async () => p.cleanup());

  it('takes a change dated today in Beijing and refuses one dated tomorrow, in registry and org life alike', async () => {
    const ctx = { ...p.context(), now: () => new Date('2026-11-30T23:30:00Z') };
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    const branch = await buildBranch(ctx, county.id);
    const m = await buildMember(ctx, outlet.id, branch.id, { member: { branchId: branch.id, joinDate: '2020-05-01' } });
    // Registry: a standing change dated 1 December (today in Beijing) is not "in the future".
    const ok = await dispatch(ctx, 'members.recordChange', { personId: m.id, change: { kind: 'lost_contact', lost: true, on: '2026-12-01', reason: '电话停机' } });
    expect(ok.ok).toBe(true);
    const late = await dispatch(ctx, 'members.recordChange', { personId: m.id, change: { kind: 'lost_contact', lost: false, on: '2026-12-02', reason: null } });
    expect(late.ok).toBe(false);
    // Org life: the due list is as of 1 December.
    const due = await call(ctx, 'orgLife.due', {});
    expect(due.asOf).toBe('2026-12-01');
  });
});
