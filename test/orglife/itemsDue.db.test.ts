// 待办 lists the three-list items still to be worked on (open or in progress), overdue once their
// due date has passed, and marks them as the owner's: the branch secretary by name, or every
// county organiser when the item is their role's. Done items wait for a verifier, not the owner.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3, type World } from '../points/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;

const as = (c: ApiContext, userName: string): ApiContext => ({ ...c, session: { ...c.session, userName } });
const rectification = async (c: ApiContext, asOf: string) => (await call(c, 'orgLife.due', { asOf })).items.filter((i) => i.kind === 'rectification');

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
  await recordQ3(ctx, w);
  await call(at(ctx, '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
});
afterEach(async () => p.cleanup());

describe('three-list items in 待办', () => {
  it('shows each open item with its owner, due before the deadline and overdue after it', async () => {
    const before = await rectification(ctx, '2026-10-20');
    expect(before.map((i) => i.personName).sort()).toEqual(['刘洋', '陈预备'].sort());
    for (const i of before) {
      expect(i).toMatchObject({ level: 'due', overdueDays: 0, deadline: '2026-11-04', item: { ownerName: '王建国' }, settle: { form: 'item' } });
      expect(i.item!.title).toContain('2026-Q3');
    }
    const after = await rectification(ctx, '2026-11-10');
    expect(after.map((i) => [i.level, i.overdueDays])).toEqual([['overdue', 6], ['overdue', 6]]);
  });

  it('is the secretary\'s own, not another user\'s, and leaves the list once done', async () => {
    expect((await rectification(as(ctx, '王建国'), '2026-10-20')).map((i) => i.item!.mine)).toEqual([true, true]);
    expect((await rectification(as(ctx, '李秀英'), '2026-10-20')).map((i) => i.item!.mine)).toEqual([false, false]);
    const [first] = await rectification(ctx, '2026-10-20');
    const id = first!.settle.form === 'item' ? first!.settle.itemId : '';
    const owner = at(as(ctx, '王建国'), '2026-10-20');
    await call(owner, 'rectification.move', { id, to: 'in_progress' });
    expect(await rectification(ctx, '2026-10-20')).toHaveLength(2);
    await call(owner, 'rectification.move', { id, to: 'done', evidence: '已谈心谈话并制定改进计划' });
    expect((await rectification(ctx, '2026-10-20')).map((i) => i.key)).not.toContain(`r|${id}`);
  });
});
