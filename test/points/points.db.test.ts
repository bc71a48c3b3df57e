// Points on a real store through the API: automatic entries from attendance and lectures (derived
// again, nothing doubles), manual entries and deductions, publication, objections, approval and the
// lock, a reopen that is logged, and refusals by role and scope that write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { entries } from '../../db/points/store.js';
import { replaySnapshot } from '../../db/points/compute.js';
import { publicationIn } from '../../db/points/store.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3, themeDay, totals, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const count = (sql: string) => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
  await recordQ3(ctx, w);
});
afterEach(async () => p.cleanup());

const oct = () => at(ctx, '2026-10-05');
const Q3 = { get orgId() { return w.branch.id; }, quarter: '2026-Q3' };

describe('automatic entries', () => {
  it('come from present marks and the lecturer, once, however often they are derived', async () => {
    const first = await call(oct(), 'points.derive', Q3);
    // theme days: 3 present × 2; micro-lecture: the lecturer once (its attendance is no item by default)
    expect(first).toEqual({ added: 7, withdrawn: 0, quarter: '2026-Q3' });
    expect(await call(oct(), 'points.derive', Q3)).toEqual({ added: 0, withdrawn: 0, quarter: '2026-Q3' });
    expect(count(`points_entries WHERE source = 'auto'`)).toBe(7);
    expect(count(`sync_outbox WHERE tbl = 'points_entries'`)).toBe(7);
    const t = await call(oct(), 'points.table', Q3);
    expect(totals(t.rows)).toEqual({ 王建国: 77, 李秀英: 74, 张伟: 74, 刘洋: 70, 陈预备: 70 });
    expect(t.rows.find((r) => r.name === '陈预备')).toMatchObject({ probationary: true, grade: 'pass' });
    expect(t.rows[0]).toMatchObject({ name: '王建国', rank: 1 });
    expect(t.status).toBe('draft');
    const ledger = await call(oct(), 'points.ledger', { personId: w.full[0]!.id, year: 2026 });
    expect(ledger.rows.map((r) => [r.itemKey, r.points, r.source])).toEqual([['theme_day', 2, 'auto'], ['theme_day', 2, 'auto'], ['micro_lecture', 3, 'auto']]);
  });
});

describe('corrections', () => {
  const aug = () => (p.store.raw.prepare(`SELECT id FROM activities WHERE held_on = '2026-08-12'`).get() as { id: string }).id;
  const mark = async (status: 'present' | 'absent') => {
    const input = themeDay(w, '2026-08-12', { id: aug() });
    input.attendance = input.attendance!.map((m) => (m.personId === w.full[2]!.id ? { personId: m.personId, status, reason: status === 'absent' ? '出差' : null } : m));
    await call(ctx, 'activities.save', input);
  };

  it('withdraws an automatic entry whose mark is corrected, credits it again when corrected back, and never touches a locked quarter', async () => {
    await call(oct(), 'points.derive', Q3);
    await mark('absent');
    expect(await call(oct(), 'points.derive', Q3)).toEqual({ added: 0, withdrawn: 1, quarter: '2026-Q3' });
    expect(await call(oct(), 'points.derive', Q3)).toEqual({ added: 0, withdrawn: 0, quarter: '2026-Q3' });
    expect(totals((await call(oct(), 'points.table', Q3)).rows).张伟).toBe(72);
    await mark('present');
    expect(await call(oct(), 'points.derive', Q3)).toEqual({ added: 1, withdrawn: 0, quarter: '2026-Q3' });
    expect(totals((await call(oct(), 'points.table', Q3)).rows).张伟).toBe(74);
    expect((await call(oct(), 'points.ledger', { personId: w.full[2]!.id, year: 2026 })).rows.map((r) => r.occurredOn)).toEqual(['2026-07-10', '2026-08-12']);
    expect(count('points_entries')).toBe(9); // 7 credits, a void, a new credit: nothing rewritten

    const pub = await call(oct(), 'points.publish', Q3);
    await call(at(ctx, '2026-10-13'), 'points.approve', { publicationId: pub.publication!.id });
    await mark('absent');
    expect(await call(at(ctx, '2026-10-14'), 'points.derive', Q3)).toMatchObject({ withdrawn: 0 });
    expect(totals((await call(at(ctx, '2026-10-14'), 'points.table', Q3)).rows).张伟).toBe(74);
  });
});

describe('manual entries', () => {
  it('need a reason, keep the item\'s sign and write nothing when refused', async () => {
    const bad = await dispatch(oct(), 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'discipline', occurredOn: '2026-09-01', reason: '  ' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('输入有误：原因为必填项');
    const sign = await dispatch(oct(), 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'discipline', occurredOn: '2026-09-01', points: 5, reason: '服务投诉' });
    expect(sign.ok || sign.error.message).toBe('输入有误：扣分项目的分值须为负数');
    expect(count('points_entries')).toBe(0);
    const r = await call(oct(), 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'discipline', occurredOn: '2026-09-01', reason: '客户投诉经查属实', evidence: '投诉工单 TS-0912' });
    expect(r).toMatchObject({ quarter: '2026-Q3', movedFrom: null, zh: '已计入 2026-Q3' });
    const t = await call(oct(), 'points.table', Q3);
    expect(totals(t.rows).李秀英).toBe(65);
  });

  it('refuses a member outside the user\'s scope and a role that may not publish', async () => {
    const elsewhere = { ...oct(), session: { ...ctx.session, role: 'county_organiser' as const, scopePath: '/hq/elsewhere/' } };
    const r = await dispatch(elsewhere, 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'honour', occurredOn: '2026-09-01', reason: '获评优秀' });
    expect(r.ok || [r.error.code, r.error.message]).toEqual(['forbidden', '该人员不在您的管理范围内']);
    const t = await dispatch(elsewhere, 'points.table', Q3);
    expect(t.ok || t.error.code).toBe('forbidden');
    const pub = await dispatch(at(ctx, '2026-10-05', 'instructor'), 'points.publish', Q3);
    expect(pub.ok || [pub.error.message, pub.error.messageEn]).toEqual(['您的角色不能公示季度积分', 'Your role cannot publish a quarter']);
    expect(count('points_entries') + count('points_publications')).toBe(0);
  });
});

describe('publication, objections, approval and the lock', () => {
  it('freezes the table, takes objections in the window, approves only when answered, then locks', async () => {
    const early = await dispatch(at(ctx, '2026-09-30'), 'points.publish', Q3);
    expect(early.ok || early.error.message).toBe('2026-Q3 尚未结束，季度结束后才能公示');
    const pub = await call(oct(), 'points.publish', Q3);
    expect(pub).toMatchObject({ status: 'published', objectionOpen: true, publication: { windowEnds: '2026-10-12' } });
    expect(totals(pub.rows)).toEqual({ 王建国: 77, 李秀英: 74, 张伟: 74, 刘洋: 70, 陈预备: 70 });
    const pubId = pub.publication!.id;
    expect((await dispatch(at(ctx, '2026-10-12'), 'points.approve', { publicationId: pubId })).ok).toBe(false);

    const o = await call(at(ctx, '2026-10-08', 'instructor'), 'points.object', { publicationId: pubId, personId: w.full[3]!.id, text: '8月主题党日我请假是公司安排培训，不应算缺席' });
    // a correction during the window: the published table stays, the live one differs
    await call(at(ctx, '2026-10-09'), 'points.addEntry', { personId: w.full[3]!.id, itemKey: 'volunteer', occurredOn: '2026-08-20', reason: '参加反诈进社区志愿服务', evidence: '活动照片' });
    const mid = await call(at(ctx, '2026-10-09'), 'points.table', Q3);
    expect([totals(mid.rows).刘洋, mid.liveDiffers]).toEqual([70, true]);
    const late = await dispatch(at(ctx, '2026-10-13'), 'points.object', { publicationId: pubId, personId: w.full[2]!.id, text: '有异议' });
    expect(late.ok || late.error.message).toBe('公示期已结束（2026-10-12），不能再登记异议');

    const blocked = await dispatch(at(ctx, '2026-10-13'), 'points.approve', { publicationId: pubId });
    expect(blocked.ok || blocked.error.message).toBe('不能审定：还有 1 条异议未答复');
    await call(at(ctx, '2026-10-10'), 'points.answer', { objectionId: o.id, answer: '经核实属组织安排，已补记志愿服务2分' });
    const done = await call(at(ctx, '2026-10-13'), 'points.approve', { publicationId: pubId });
    expect(done).toMatchObject({ status: 'approved', liveDiffers: false, publication: { approvedBy: ctx.session.userName } });
    expect(totals(done.rows).刘洋).toBe(72);

    // A deed in the locked quarter goes to the next open one, and the result says so.
    const moved = await call(at(ctx, '2026-10-20'), 'points.addEntry', { personId: w.full[2]!.id, itemKey: 'honour', occurredOn: '2026-09-25', reason: '获评季度服务之星' });
    expect(moved).toMatchObject({ quarter: '2026-Q4', movedFrom: '2026-Q3', zh: '2026-Q3 已审定锁定，本条已计入 2026-Q4' });
    // An entry written offline for Q3 that arrives after the lock counts in Q4 too.
    p.store.raw.prepare(`INSERT INTO points_entries (id, person_id, org_id, quarter, occurred_on, item_key, points, source, reason, created_by, scope_path, created_at, updated_at)
      VALUES ('0190a000-0000-7000-8000-000000000001', ?, ?, '2026-Q3', '2026-09-28', 'volunteer', 2, 'manual', '离线补录', '孙指导', ?, '2026-10-21T00:00:00Z', '2026-10-21T00:00:00Z')`).run(w.full[2]!.id, w.branch.id, w.county.path);
    const q3 = await call(at(ctx, '2026-10-21'), 'points.table', Q3);
    expect(totals(q3.rows)).toEqual(totals(done.rows));
    const q4 = await call(at(ctx, '2026-10-21'), 'points.table', { orgId: w.branch.id, quarter: '2026-Q4' });
    expect(totals(q4.rows).张伟).toBe(77);

    // The approved table is reproducible from the ledger alone.
    const row = await publicationIn(ctx.db, pubId, '/');
    const ledger = await entries(ctx.db, { orgId: w.branch.id }, '2026-Q1', '2026-Q4');
    expect(totals(replaySnapshot(row.approved!, ledger, row.rules))).toEqual(totals(done.rows));
    expect(totals(replaySnapshot(row.published, ledger, row.rules))).toEqual(totals(pub.rows));
  });

  it('reopens a locked quarter only by the approver\'s explicit act, logged with the table it replaces', async () => {
    const pub = await call(oct(), 'points.publish', Q3);
    const approved = await call(at(ctx, '2026-10-13'), 'points.approve', { publicationId: pub.publication!.id });
    const refused = await dispatch(at(ctx, '2026-10-14', 'instructor'), 'points.reopen', { publicationId: pub.publication!.id, reason: '补录' });
    expect(refused.ok || refused.error.code).toBe('forbidden');
    const open = await call(at(ctx, '2026-10-14'), 'points.reopen', { publicationId: pub.publication!.id, reason: '9月突击队攻坚漏记，经县公司同意补录' });
    expect(open.status).toBe('published');
    expect(open.publication!.reopened).toEqual([expect.objectContaining({ by: ctx.session.userName, reason: '9月突击队攻坚漏记，经县公司同意补录', previousRows: approved.rows })]);
    const r = await call(at(ctx, '2026-10-14'), 'points.addEntry', { personId: w.full[3]!.id, itemKey: 'honour', occurredOn: '2026-09-20', reason: '攻坚表彰' });
    expect(r).toMatchObject({ quarter: '2026-Q3', movedFrom: null });
    const again = await call(at(ctx, '2026-10-14'), 'points.approve', { publicationId: pub.publication!.id });
    expect(totals(again.rows).刘洋).toBe(75);
    expect(again.publication!.reopened).toHaveLength(1);
  });

  it('exports the table with deductions masked for an instructor, and logs the export', async () => {
    await call(oct(), 'points.addEntry', { personId: w.full[1]!.id, itemKey: 'discipline', occurredOn: '2026-09-01', reason: '客户投诉经查属实' });
    const file = await call(at(ctx, '2026-10-05', 'instructor'), 'points.export', Q3);
    expect(file.rows).toBe(5);
    expect(file.fileName).toMatch(/党员积分_2026-10-05\.xlsx$/);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]![0]).toContain('扣分和三单名单已脱敏');
    expect(rows.find((r) => r[1] === '李秀英')).toEqual([5, '李秀英', undefined, 70, 0, '*', 0, 65, '合格', '*']);
    expect(count(`registry_audit WHERE kind = 'export' AND description LIKE '%党员积分%'`)).toBe(1);
  });
});
