// 待办's 只看我的: each item says which instructors it belongs to, and the report says which
// instructor records are the signed-in user. A device knows its user by the name it was enrolled
// with; an instructor record is theirs when its name, or its person's name, is that name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { buildOutlet, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const asOf = '2026-12-03';
const as = (userName: string): ApiContext => ({ ...ctx, session: { ...ctx.session, role: 'instructor', userName } });

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

describe('whose due item it is', () => {
  it('a visit or duty is its instructor’s; a meeting or conversion belongs to the instructors of the outlets the branch covers', async () => {
    await call(ctx, 'instructorAssignments.save', { instructorId: w.instructor.id, outletId: w.outlet.id, validFrom: '2026-01-01', isContactPoint: true });
    const zhou = await call(ctx, 'instructors.save', { name: '周指导', unitId: w.county.id, active: true, personId: null });
    const far = await buildOutlet(ctx, w.county.id, { name: '华清路营业厅' });
    await call(ctx, 'partyOrgs.save', { id: w.other.id, name: w.other.name, orgType: 'branch', unitId: w.county.id, outletIds: [far.id] });
    await call(ctx, 'instructorAssignments.save', { instructorId: zhou.id, outletId: far.id, validFrom: '2026-01-01', isContactPoint: false });

    const { items } = await call(ctx, 'orgLife.due', { asOf });
    const ownersOf = (pred: (i: (typeof items)[number]) => boolean) => [...new Set(items.filter(pred).map((i) => i.owners.join(',')))];
    expect(ownersOf((i) => i.kind === 'meeting' && i.orgId === w.branch.id)).toEqual([w.instructor.id]);
    expect(ownersOf((i) => i.kind === 'conversion')).toEqual([w.instructor.id]); // 陈预备 is in w.branch
    expect(ownersOf((i) => i.kind === 'meeting' && i.orgId === w.other.id)).toEqual([zhou.id]);
    expect(ownersOf((i) => i.kind === 'visit')).toEqual([w.instructor.id]);
    expect(ownersOf((i) => i.kind === 'duty' && i.instructorName === '周指导')).toEqual([zhou.id]);
  });

  it('a branch with no instructor at its outlets is nobody’s', async () => {
    const { items } = await call(ctx, 'orgLife.due', { asOf });
    expect(items.filter((i) => i.kind === 'meeting').every((i) => i.owners.length === 0)).toBe(true);
  });
});

describe('who the signed-in user is', () => {
  it('matches active instructor records in scope by their name or their person’s name', async () => {
    expect((await call(as('孙指导'), 'orgLife.due', { asOf })).myInstructorIds).toEqual([w.instructor.id]);
    // A record named differently but linked to the person 王建国.
    const linked = await call(ctx, 'instructors.save', { name: '王建国（兼）', unitId: w.county.id, active: true, personId: w.full[0]!.id });
    expect((await call(as('王建国'), 'orgLife.due', { asOf })).myInstructorIds).toEqual([linked.id]);
    // The list narrowed to a unit still knows who the user is.
    expect((await call(as('孙指导'), 'orgLife.due', { asOf, unitId: w.grid.id })).myInstructorIds).toEqual([w.instructor.id]);
  });

  it('matches nobody for an unknown name, an inactive record or a record outside the user’s scope', async () => {
    expect((await call(as('本机用户'), 'orgLife.due', { asOf })).myInstructorIds).toEqual([]);
    await call(ctx, 'instructors.save', { id: w.instructor.id, name: '孙指导', unitId: w.county.id, active: false, personId: null });
    expect((await call(as('孙指导'), 'orgLife.due', { asOf })).myInstructorIds).toEqual([]);
    const elsewhere = { ...as('孙指导'), session: { ...as('孙指导').session, scopePath: '/hq/nowhere/' } };
    await call(ctx, 'instructors.save', { id: w.instructor.id, name: '孙指导', unitId: w.county.id, active: true, personId: null });
    expect((await call(elsewhere, 'orgLife.due', {})).myInstructorIds).toEqual([]);
  });
});
