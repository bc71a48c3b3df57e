// The lowest of a published quarter get the three lists: one rectification item per flagged member,
// owned by the branch secretary (or the county organiser's role when the branch has none), and never
// a second one — not on approval, not after a reopen and a second approval, not on a repeated publish.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { pointsItemId } from '../../db/points/threeLists.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;

interface Item { id: string; kind: string; subject_id: string; owner_person_id: string | null; owner_role: string | null; due_on: string; source: string; status: string; title: string }
const items = () => p.store.raw.prepare(`SELECT id, kind, subject_id, owner_person_id, owner_role, due_on, source, status, title FROM rectification_items WHERE deleted = 0 ORDER BY title`).all() as Item[];

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
  await recordQ3(ctx, w);
});
afterEach(async () => p.cleanup());

describe('points results open three-list items', () => {
  it('gives each flagged member one item on publication, owned by the secretary, due after the rectification window', async () => {
    const t = await call(at(ctx, '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
    const flagged = t.rows.filter((r) => r.lowest).map((r) => r.personId).sort();
    expect(t.rows.filter((r) => r.lowest).map((r) => r.name).sort()).toEqual(['刘洋', '陈预备'].sort());
    const got = items();
    expect(got.map((i) => i.subject_id).sort()).toEqual(flagged);
    for (const i of got) {
      expect(i).toMatchObject({ kind: 'rectification', source: 'points', status: 'open', owner_person_id: w.full[0]!.id, owner_role: null, due_on: '2026-11-04' });
      expect(i.id).toBe(pointsItemId(t.publication!.id, i.subject_id));
    }
    // The three lists screen lists them with the secretary as owner.
    const listed = await call(ctx, 'rectification.list', { kind: 'rectification' });
    expect(listed.rows.map((r) => [r.subjectName, r.ownerName, r.source])).toEqual(expect.arrayContaining([['刘洋', '王建国', 'points'], ['陈预备', '王建国', 'points']]));
  });

  it('never makes a second item: publishing again, approving, reopening and approving again', async () => {
    const pub = await call(at(ctx, '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
    const first = items().map((i) => i.id);
    expect(first).toHaveLength(2);
    expect((await dispatch(at(ctx, '2026-10-06'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' })).ok).toBe(false);
    await call(at(ctx, '2026-10-13'), 'points.approve', { publicationId: pub.publication!.id });
    await call(at(ctx, '2026-10-14'), 'points.reopen', { publicationId: pub.publication!.id, reason: '补录志愿服务' });
    await call(at(ctx, '2026-10-15'), 'points.approve', { publicationId: pub.publication!.id });
    expect(items().map((i) => i.id)).toEqual(first);
    const outbox = p.store.raw.prepare(`SELECT count(DISTINCT row_id) AS n FROM sync_outbox WHERE tbl = 'rectification_items'`).get() as { n: number };
    expect(outbox.n).toBe(2);
  });

  it('gives the item to the county organiser\'s role when the branch has no secretary, and the rectification window comes from settings', async () => {
    await call(ctx, 'settings.set', { key: 'points.rectifyDays', value: 10 });
    await call(at(ctx, '2026-10-05'), 'points.publish', { orgId: w.other.id, quarter: '2026-Q3' });
    expect(items()).toEqual([expect.objectContaining({ subject_id: w.stranger.id, owner_person_id: null, owner_role: 'county_organiser', due_on: '2026-10-15' })]);
  });
});
