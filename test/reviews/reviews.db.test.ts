// 复盘复训 on a real store (2026-11-20): a quarter's review of a branch prefilled from the board and
// its milestone nodes against the quarter before; a finding goes to the three lists once, a
// training need is met by a retraining session with attendance; bad periods write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const node = (periodKey: string, dueOn: string, title: string) => ({ periodKey, dueOn, title, ownerPersonId: w.full[0]!.id, standard: '有清单' });

describe('复盘复训', () => {
  it('prefills the comparison, sends a finding to the three lists once and records the retraining', async () => {
    const g = await call(ctx, 'milestones.saveGoal', { orgId: w.branch.id, year: 2026, title: '攻坚', nodes: [node('2026-Q3', '2026-09-30', '三季度节点'), node('2026-11', '2026-11-10', '十一月节点'), node('2026-10', '2026-10-31', '十月节点')] });
    await call(ctx, 'milestones.complete', { id: g.nodes.find((n) => n.title === '十月节点')!.id, doneOn: '2026-11-02', evidence: '清单' });
    const data = await call(ctx, 'reviews.prefill', { subjectKind: 'org', subjectId: w.branch.id, periodKey: '2026-Q4' });
    expect(data).toMatchObject({ period: '2026-Q4', previous: '2026-Q3', nodes: { missed: 1, late: 1, done: 0, open: 0 }, previousNodes: { missed: 1 } });
    expect(data.lights.red).toBeGreaterThan(0);
    expect(data.reds.map((r) => r.indicator)).toContain('milestones');

    const r = await call(ctx, 'reviews.save', {
      subjectKind: 'org', subjectId: w.branch.id, periodKey: '2026-Q4', analysis: '里程碑节点两项逾期，原因是装维人手不足', cases: '十一月节点：小区物业不配合',
      findings: [{ kind: 'item', text: '补齐十一月装机节点', ownerPersonId: w.full[0]!.id }, { kind: 'training', text: '节点对账方法培训', ownerPersonId: null }],
    });
    expect(r).toMatchObject({ kind: 'quarter', subjectName: w.branch.name, data: { nodes: { missed: 1 } } });
    const item = r.findings.find((f) => f.kind === 'item')!;
    expect(item.itemId).toBeTruthy();
    const items = await call(ctx, 'rectification.list', {});
    expect(items.rows.map((i) => [i.title, i.source, i.ownerName])).toEqual([['复盘发现：补齐十一月装机节点', 'review', '王建国']]);
    // saving again keeps the one item
    const again = await call(ctx, 'reviews.save', { id: r.id, subjectKind: 'org', subjectId: w.branch.id, periodKey: '2026-Q4', analysis: '补充分析', cases: '', findings: r.findings.map((f) => ({ id: f.id, kind: f.kind, text: f.text, ownerPersonId: f.ownerPersonId })) });
    expect((await call(ctx, 'rectification.list', {})).total).toBe(1);
    const session = await call(ctx, 'activities.save', { ...themeDay(w, '2026-11-18'), type: 'lecture', title: '节点对账方法复训', lecturerPersonId: w.full[1]!.id });
    const trained = await call(ctx, 'reviews.retrain', { findingId: again.findings.find((f) => f.kind === 'training')!.id, activityId: session.id });
    expect(trained.findings.find((f) => f.kind === 'training')!.training).toMatchObject({ title: '节点对账方法复训', present: 3 });
    const refused = await dispatch(ctx, 'reviews.retrain', { findingId: item.id, activityId: session.id });
    expect(refused.ok ? '' : refused.error.message).toContain('只有培训需求');
  });

  it('refuses a period not begun, a half year and a finding for the lists without an owner, writing nothing', async () => {
    const n = () => p.store.raw.prepare(`SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM review_findings) + (SELECT count(*) FROM rectification_items) AS n`).get();
    const before = n();
    for (const [periodKey, findings, text] of [
      ['2026-12', [], '尚未开始'], ['2026-H2', [], '月份、季度或年度'], ['2026-11', [{ kind: 'item' as const, text: 'x', ownerPersonId: null }], '须指定责任人'],
    ] as const) {
      const r = await dispatch(ctx, 'reviews.save', { subjectKind: 'unit', subjectId: w.county.id, periodKey, analysis: '分析', cases: '', findings: [...findings] });
      expect(r.ok ? '' : r.error.message).toContain(text);
      expect(r.ok ? '' : r.error.messageEn).not.toBe('');
    }
    expect(n()).toEqual(before);
    const ok = await call(ctx, 'reviews.save', { subjectKind: 'unit', subjectId: w.county.id, periodKey: '2026', analysis: '年度全面复盘', cases: '', findings: [] });
    expect(ok).toMatchObject({ kind: 'year', subjectName: w.county.name });
    expect((await call(ctx, 'reviews.list', {})).total).toBe(1);
  });
});
