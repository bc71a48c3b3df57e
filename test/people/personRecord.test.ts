// "A person is a record, not a form": people.record / people.attended / people.hosted on a real
// SQLite profile — the marks a member really has (latest mark wins), newest first and paged; the
// probation end from the setting in force; scope refused; ids masked for an instructor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Role } from '../../shared/domain/enums.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const as = (role: Role, scopePath = ctx.session.scopePath): ApiContext => ({ ...ctx, session: { ...ctx.session, role, scopePath } });

describe('people.attended', () => {
  it('lists each held activity once with the latest mark, newest first, paged', async () => {
    const sep = await call(ctx, 'activities.save', themeDay(w, '2026-09-20'));
    await call(ctx, 'activities.save', themeDay(w, '2026-10-18'));
    await call(ctx, 'activities.save', themeDay(w, '2026-11-15'));
    // The September mark is corrected from absent to present: the correction is what shows.
    await call(ctx, 'activities.save', {
      ...themeDay(w, '2026-09-20'), id: sep.id,
      attendance: themeDay(w, '2026-09-20').attendance!.map((m) => (m.personId === w.full[3]!.id ? { personId: m.personId, status: 'present' as const } : m)),
    });
    // A planned meeting is not organisational life attended.
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-12-20'), status: 'planned' });

    const absentee = w.full[3]!.id;
    const all = await call(ctx, 'people.attended', { personId: absentee });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.heldOn, r.type, r.orgName, r.status, r.reason])).toEqual([
      ['2026-11-15', 'theme_day', w.branch.name, 'absent', '外出培训'],
      ['2026-10-18', 'theme_day', w.branch.name, 'absent', '外出培训'],
      ['2026-09-20', 'theme_day', w.branch.name, 'present', null],
    ]);
    const second = await call(ctx, 'people.attended', { personId: absentee, limit: 2, offset: 2 });
    expect([second.total, second.rows.map((r) => r.heldOn)]).toEqual([3, ['2026-09-20']]);

    const rec = await call(ctx, 'people.record', { id: absentee });
    expect(rec.attendance).toEqual({ present: 1, absent: 2, excused: 0 });
    expect(rec.hostedCount).toBe(0);
    expect((await call(ctx, 'people.attended', { personId: w.stranger.id })).total).toBe(0);
  });

  it('lists what the person hosted or recorded, with the role they had', async () => {
    await call(ctx, 'activities.save', themeDay(w, '2026-10-18'));
    await call(ctx, 'activities.save', themeDay(w, '2026-11-15', { hostPersonId: w.full[1]!.id, recorderPersonId: w.full[0]!.id }));
    const host = await call(ctx, 'people.hosted', { personId: w.full[0]!.id });
    expect(host.rows.map((r) => [r.heldOn, r.roles])).toEqual([['2026-11-15', ['recorder']], ['2026-10-18', ['host']]]);
    expect((await call(ctx, 'people.record', { id: w.full[0]!.id })).hostedCount).toBe(2);
  });
});

describe('people.record', () => {
  it('gives a probationary member the end of probation from the months in force', async () => {
    const late = { ...ctx, now: () => new Date('2026-12-03T23:30:00Z') };
    const rec = await call(late, 'people.record', { id: w.probationary.id });
    expect(rec.probation).toEqual({ admittedOn: '2025-11-28', endsOn: '2026-11-28', months: 12, overdue: true, extension: null, mayExtend: true });
    await call(ctx, 'settings.set', { key: 'orglife.probation', value: { months: 18 } });
    expect((await call(late, 'people.record', { id: w.probationary.id })).probation).toMatchObject({ endsOn: '2027-05-28', months: 18, overdue: false });
    expect((await call(ctx, 'people.record', { id: w.full[0]!.id })).probation).toBeNull();
  });

  it('carries the standing history recorded for the member', async () => {
    await call(ctx, 'members.recordChange', { personId: w.full[2]!.id, change: { kind: 'standing', standing: 'suspended', on: '2026-06-01', reason: '停止党籍' } });
    const rec = await call(ctx, 'people.record', { id: w.full[2]!.id });
    expect(rec.history.filter((h) => h.kind === 'standing').map((h) => [h.onDate, h.fromValue, h.toValue, h.reason])).toEqual([['2026-06-01', 'normal', 'suspended', '停止党籍']]);
    expect(rec.person.member?.standing).toBe('suspended');
  });

  it('masks the id and phone for an instructor, who may not reveal them', async () => {
    const rec = await call(as('instructor', w.county.path), 'people.record', { id: w.full[0]!.id });
    expect(rec.person.citizenIdMasked).toBe(true);
    expect(rec.person.citizenId).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(rec.person.phone ?? '').not.toMatch(/^\d{11}$/);
    expect(rec.mayReveal).toBe(false);
    expect((await call(as('county_organiser', w.county.path), 'people.record', { id: w.full[0]!.id })).mayReveal).toBe(true);
  });

  it('refuses a person outside the reader scope, for the record and both lists', async () => {
    const { county } = await buildTree(ctx);
    const far = await buildMember(ctx, (await buildOutlet(ctx, county.id)).id, (await buildBranch(ctx, county.id)).id);
    const mine = as('instructor', w.county.path);
    for (const [name, input] of [['people.record', { id: far.id }], ['people.attended', { personId: far.id }], ['people.hosted', { personId: far.id }]] as const) {
      const r = await dispatch(mine, name, input);
      expect(r.ok ? null : [r.error.code, r.error.message]).toEqual(['forbidden', '该人员不在您的管理范围内']);
    }
  });

  it('leaves out activities held outside the reader scope', async () => {
    // A member who moved into this county from another keeps the meetings attended there, unseen here.
    const { county } = await buildTree(ctx);
    const there = await buildBranch(ctx, county.id);
    const mover = await buildMember(ctx, (await buildOutlet(ctx, county.id)).id, there.id, { name: '钱迁入' });
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-09-20'), orgId: there.id, hostPersonId: mover.id, recorderPersonId: mover.id, attendance: [{ personId: mover.id, status: 'present' }] });
    await call(ctx, 'people.save', { id: mover.id, name: '钱迁入', politicalStatus: 'full_member', outletId: w.outlet.id, member: { branchId: w.branch.id, joinDate: '2010-07-01' } });
    await call(ctx, 'activities.save', { ...themeDay(w, '2026-10-18'), attendance: [{ personId: mover.id, status: 'present' }] });
    expect((await call(ctx, 'people.attended', { personId: mover.id })).total).toBe(2);
    const here = as('instructor', w.county.path);
    expect((await call(here, 'people.attended', { personId: mover.id })).rows.map((r) => r.heldOn)).toEqual(['2026-10-18']);
    expect((await call(here, 'people.hosted', { personId: mover.id })).total).toBe(0);
    expect((await call(here, 'people.record', { id: mover.id })).attendance.present).toBe(1);
  });
});
