// A points item names a member, their grade 较差 and their rank: a negative outcome (DOMAIN.md
// Privacy). The owner (the branch secretary), the county organiser and HQ read it; an instructor who
// is not the owner and an auditor get a neutral item — in the list, the detail, 待办 and the
// three-lists export — and may neither work on it nor overwrite it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { readWorkbook } from '../../db/people/xlsx/read.js';
import { MASKED_ITEM_TITLE } from '../../shared/assessment/itemPrivacy.js';
import type { Role } from '../../shared/domain/enums.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;

const DAY = '2026-11-10';
const as = (role: Role, userName: string): ApiContext => {
  const c = at(ctx, DAY, role);
  return { ...c, session: { ...c.session, userName } };
};
const owner = () => as('instructor', '王建国');
const stranger = () => as('instructor', '赵指导');
const auditor = () => as('auditor', '审计员');
const organiser = () => as('county_organiser', '刘组织员');
const points = async (c: ApiContext) => (await call(c, 'rectification.list', { limit: 100 })).rows.filter((r) => r.source === 'points');
const dueItems = async (c: ApiContext) => (await call(c, 'orgLife.due', { asOf: DAY })).items.filter((i) => i.kind === 'rectification');
const sheetText = async (c: ApiContext) => {
  const f = await call(c, 'assessment.export', { list: 'items' });
  const [s] = await readWorkbook(Buffer.from(f.base64, 'base64'), f.fileName);
  return JSON.stringify(s);
};

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
  await recordQ3(ctx, w);
  await call(at(ctx, '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
});
afterEach(async () => p.cleanup());

describe('three-list items from points are masked for roles that may not see a negative outcome', () => {
  it('stores the member, grade and rank apart from a neutral title', () => {
    const rows = p.store.raw.prepare(`SELECT title, detail, private_title, private_detail FROM rectification_items WHERE source = 'points' ORDER BY private_title`).all() as Record<string, string | null>[];
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.title).toBe('积分整改事项（2026-Q3）');
      expect(r.detail).toBeNull();
      expect(r.private_detail).toMatch(/季度得分 \d+（(较差|合格)），支部内排名第 \d \/ 5 名/);
    }
    expect(rows.map((r) => r.private_title)).toEqual(expect.arrayContaining([expect.stringContaining('刘洋'), expect.stringContaining('陈预备')]));
  });

  it('shows the owner, the county organiser and HQ who, how and why, in the list, the item and 待办', async () => {
    for (const c of [owner(), organiser(), as('hq_admin', '省管理员')]) {
      const rows = await points(c);
      expect(rows.map((r) => r.subjectName).sort()).toEqual(['刘洋', '陈预备'].sort());
      for (const r of rows) expect(r).toMatchObject({ masked: false, title: expect.stringContaining(r.subjectName!), detail: expect.stringMatching(/季度得分 \d+.*排名第/), evidence: null });
      const due = await dueItems(c);
      expect(due.map((i) => [i.personName, i.item!.masked, i.item!.title.includes(i.personName!)]).sort()).toEqual([['刘洋', false, true], ['陈预备', false, true]]);
    }
    // The owner works on it and gets the whole item back.
    const r = (await points(owner()))[0]!;
    const moved = await call(owner(), 'rectification.move', { id: r.id, to: 'in_progress' });
    expect(moved).toMatchObject({ masked: false, status: 'in_progress', subjectName: r.subjectName, title: r.title });
  });

  it('gives an instructor who is not the owner and an auditor a neutral item, and refuses their moves', async () => {
    for (const c of [stranger(), auditor()]) {
      const rows = await points(c);
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r).toMatchObject({ masked: true, title: MASKED_ITEM_TITLE.points.zh, detail: null, subjectId: null, subjectName: null, sourceRef: null, evidence: null, ownerName: '王建国' });
        expect(JSON.stringify(r)).not.toMatch(/刘洋|陈预备|较差|季度得分|排名/);
      }
      const due = await dueItems(c);
      expect(due.map((i) => [i.personName, i.item!.masked, i.item!.title, i.overdueDays])).toEqual([[null, true, MASKED_ITEM_TITLE.points.zh, 6], [null, true, MASKED_ITEM_TITLE.points.zh, 6]]);
    }
    const id = (await points(stranger()))[0]!.id;
    const moved = await dispatch(stranger(), 'rectification.move', { id, to: 'in_progress' });
    expect(moved.ok).toBe(false);
    // Saving what the masked form held would wipe the subject and write the masked title: refused, nothing written.
    const before = p.store.raw.prepare(`SELECT * FROM rectification_items WHERE id = ?`).get(id);
    const saved = await dispatch(stranger(), 'rectification.save', { id, kind: 'rectification', title: MASKED_ITEM_TITLE.points.zh, ownerUser: '赵指导' });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.message).toContain('只有责任人和组织员');
    expect(p.store.raw.prepare(`SELECT * FROM rectification_items WHERE id = ?`).get(id)).toEqual(before);
  });

  it('an organiser editing the item keeps the member in the private columns', async () => {
    const r = (await points(organiser())).find((x) => x.subjectName === '刘洋')!;
    await call(organiser(), 'rectification.save', { id: r.id, kind: 'rectification', title: '整改：刘洋（补交心得）', detail: r.detail, subjectKind: 'person', subjectId: r.subjectId, ownerPersonId: r.ownerPersonId, dueOn: r.dueOn });
    const row = p.store.raw.prepare(`SELECT title, detail, private_title FROM rectification_items WHERE id = ?`).get(r.id);
    expect(row).toEqual({ title: '积分整改事项（2026-Q3）', detail: null, private_title: '整改：刘洋（补交心得）' });
    expect((await points(stranger())).find((x) => x.id === r.id)!.title).toBe(MASKED_ITEM_TITLE.points.zh);
  });

  it('masks an item made before the split (name in its own title) whole', async () => {
    p.store.raw.prepare(`UPDATE rectification_items SET title = private_title, detail = private_detail, private_title = NULL, private_detail = NULL WHERE source = 'points'`).run();
    expect((await points(auditor())).map((r) => r.title)).toEqual([MASKED_ITEM_TITLE.points.zh, MASKED_ITEM_TITLE.points.zh]);
    expect((await points(owner())).map((r) => r.title).join()).toContain('刘洋');
  });

  it('exports the three-lists ledger masked for the auditor and whole for the organiser', async () => {
    const masked = await sheetText(auditor());
    expect(masked).toContain(MASKED_ITEM_TITLE.points.zh);
    expect(masked).not.toMatch(/刘洋|陈预备|较差|排名/);
    const full = await sheetText(organiser());
    expect(full).toContain('整改：刘洋（2026-Q3 党员积分列入三单）');
    expect(full).not.toContain(MASKED_ITEM_TITLE.points.zh);
  });
});
