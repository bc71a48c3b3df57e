// The private part of a three-list item opened from points (the member, grade 较差 and rank: a
// negative outcome) never reaches a device whose role may not read it: HQ sends null in its place —
// in the pull, and hidden in the record history — while the item itself (neutral title, owner, due
// date, status) syncs. Such a device, tampered with, cannot write the private part back over HQ's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { at, buildWorld, recordQ3, type World } from '../points/world.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';
import { heldCells } from '../hq/heldCells.js';
import { call } from '../support/builders.js';

let hq: TestHq;
let organiser: TestDevice;
let instructor: TestDevice;
let colleague: TestDevice;
let w: World;

type Item = { id: string; title: string; private_title: string | null; private_detail: string | null; status: string; subject_id: string | null; source_ref: string | null };
const items = (d: TestDevice) => d.store.raw.prepare(`SELECT id, title, private_title, private_detail, status, subject_id, source_ref FROM rectification_items WHERE source = 'points' AND deleted = 0 ORDER BY id`).all() as Item[];
const hqItem = (id: string) => heldCells(hq.store.db, 'rectification_items', id);

beforeAll(async () => {
  hq = await startTestHq();
  organiser = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
  w = await buildWorld(organiser.context());
  await recordQ3(organiser.context(), w);
  await call(at(organiser.context(), '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
  await organiser.sync();
  instructor = await enrolledDevice(hq, { user: '赵指导', role: 'instructor', scope: w.county.path });
  colleague = await enrolledDevice(hq, { user: '周组织员', role: 'county_organiser', scope: w.county.path });
  await instructor.sync();
  await colleague.sync();
}, 120_000);

afterAll(async () => {
  await instructor?.cleanup();
  await colleague?.cleanup();
  await organiser?.cleanup();
  await hq?.close();
});

it('an instructor’s device gets the items with a neutral title and no private part', () => {
  const mine = items(instructor);
  expect(mine).toHaveLength(2);
  // Not even which member it is about: being listed is the negative outcome.
  for (const i of mine) expect(i).toMatchObject({ title: '积分整改事项（2026-Q3）', private_title: null, private_detail: null, subject_id: null, source_ref: null });
  // Nothing of it in the history that came down either.
  const history = instructor.store.raw.prepare(`SELECT group_concat(coalesce(old_value, '') || coalesce(new_value, ''), '|') AS t FROM record_history WHERE tbl = 'rectification_items'`).get() as { t: string | null };
  for (const o of items(organiser)) {
    expect(o.private_title).toBeTruthy();
    expect(history.t ?? '').not.toContain(o.private_title!);
    expect(history.t ?? '').not.toContain(o.private_detail!);
    expect(o.subject_id).toBeTruthy();
    expect(history.t ?? '').not.toContain(o.subject_id!);
  }
});

it('a county organiser’s device gets the whole item', () => {
  expect(items(colleague).map((i) => [i.private_title, i.private_detail, i.subject_id])).toEqual(items(organiser).map((i) => [i.private_title, i.private_detail, i.subject_id]));
});

it('refuses a tampered instructor device writing the private part; HQ and others keep it', async () => {
  const target = items(instructor)[0]!;
  const real = items(organiser).find((i) => i.id === target.id)!;
  // Past the app, straight into the store (the capture triggers record it as a change to send).
  instructor.store.raw.prepare(`UPDATE rectification_items SET private_title = '', private_detail = '已整改完毕', updated_at = '2026-12-04T03:00:00Z' WHERE id = ?`).run(target.id);
  await instructor.sync();
  const reasons = (instructor.store.raw.prepare('SELECT reason_zh FROM sync_rejections').all() as { reason_zh: string }[]).map((r) => r.reason_zh);
  expect(reasons).toContain('无权修改整改事项的保密内容，本条变更未处理');
  const atHq = await hqItem(target.id);
  expect([atHq.private_title![0], atHq.private_detail![0]]).toEqual([real.private_title, real.private_detail]);
  await colleague.sync();
  expect(items(colleague).find((i) => i.id === target.id)).toMatchObject({ private_title: real.private_title, private_detail: real.private_detail });
  // Nor change the member the item is about, nor write back the null it was sent there.
  const other = items(instructor)[1]!;
  const subject = items(organiser).find((i) => i.id === other.id)!.subject_id;
  instructor.store.raw.prepare(`UPDATE rectification_items SET subject_id = 'x', updated_at = '2026-12-04T03:01:00Z' WHERE id = ?`).run(other.id);
  instructor.store.raw.prepare(`UPDATE rectification_items SET subject_id = NULL, updated_at = '2026-12-04T03:02:00Z' WHERE id = ?`).run(other.id);
  await instructor.sync();
  expect(JSON.parse(JSON.stringify((await hqItem(other.id)).subject_id![0]))).toBe(subject);
});

it('still lets the instructor work on the item: its status and evidence sync', async () => {
  const target = items(instructor)[1]!;
  instructor.store.raw.prepare(`UPDATE rectification_items SET status = 'in_progress', evidence = '谈话记录已上传', updated_at = '2026-12-04T03:05:00Z' WHERE id = ?`).run(target.id);
  await instructor.sync();
  await colleague.sync();
  expect(items(colleague).find((i) => i.id === target.id)).toMatchObject({ status: 'in_progress' });
  // Evidence handed in by the instructor lands (it is never sent back to them: a private row's evidence).
  expect((colleague.store.raw.prepare('SELECT evidence FROM rectification_items WHERE id = ?').get(target.id) as { evidence: string }).evidence).toBe('谈话记录已上传');
  expect(items(colleague).find((i) => i.id === target.id)!.private_title).toBeTruthy();
});
