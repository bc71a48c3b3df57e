// Coverage and blind spots on real SQLite: uncovered outlets with members, outlets without an
// instructor, counties ranked by coverage, the structure breaches of DOMAIN.md, and their exports.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayInBeijing } from '../../shared/core/dates.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

async function world() {
  const ctx = p.context();
  const a = await buildTree(ctx, 'ca');
  const b = await buildTree(ctx, 'cb');
  const branchA = await buildBranch(ctx, a.county.id, { name: '甲县营业部党支部' });
  const joint = await buildBranch(ctx, b.county.id, { name: '乙县联合党支部', orgType: 'joint_branch' });
  // County A: a covered own store with 3 members and an instructor; an uncovered social outlet with 2.
  const inst = await call(ctx, 'instructors.save', { name: '赵指导', unitId: a.county.id });
  const covered = await buildOutlet(ctx, a.county.id, { name: '甲县营业厅', instructorId: inst.id });
  await call(ctx, 'partyOrgs.save', { id: branchA.id, name: branchA.name, orgType: 'branch', unitId: a.county.id, outletIds: [covered.id] });
  for (let i = 0; i < 3; i++) await buildMember(ctx, covered.id, branchA.id);
  const social = await buildOutlet(ctx, a.county.id, { name: '甲县社会网点', channelType: 'social_partner' });
  for (let i = 0; i < 2; i++) await buildMember(ctx, social.id, branchA.id);
  // County B: a joint branch over 6 outlets; one of them has 3 full members (should have its own branch).
  const outletsB = [];
  for (let i = 0; i < 6; i++) outletsB.push(await buildOutlet(ctx, b.county.id, { name: `乙县网点${i}`, channelType: 'rural' }));
  await call(ctx, 'partyOrgs.save', { id: joint.id, name: joint.name, orgType: 'joint_branch', unitId: b.county.id, outletIds: outletsB.map((o) => o.id), termStart: '2020-01-01', termEnd: '2023-01-01' });
  for (let i = 0; i < 3; i++) await buildMember(ctx, outletsB[0]!.id, joint.id);
  return { ctx, a, b, covered, social, outletsB, branchA, joint, inst };
}

describe('coverage', () => {
  it('lists uncovered outlets with members and outlets without an instructor', async () => {
    const w = await world();
    const uncovered = await call(w.ctx, 'coverage.outlets', { kind: 'uncovered' });
    expect(uncovered.rows.map((r) => [r.name, r.members])).toEqual([['甲县社会网点', 2]]);
    const noInstructor = await call(w.ctx, 'coverage.outlets', { kind: 'no_instructor', unitId: w.a.county.id });
    expect(noInstructor.rows.map((r) => r.name)).toEqual(['甲县社会网点']);
    const summary = await call(w.ctx, 'coverage.summary', { unitId: w.a.county.id });
    expect(summary).toMatchObject({ outlets: 2, outletsWithMembers: 2, uncoveredWithMembers: 1, members: 5, coveredMembers: 3, coverageBand: 'red' });
    expect(summary.coverage).toBeCloseTo(0.6);
  });

  it('ranks counties worst first and counts Party contact in the last 90 days', async () => {
    const w = await world();
    // An instructor visit at county A's store yesterday.
    const raw = p.store.raw;
    const act = uuidv7();
    const day = todayInBeijing(new Date(Date.now() - 86_400_000));
    const path = (await call(w.ctx, 'orgUnits.list', {})).find((u) => u.id === w.a.county.id)!.path;
    const T = new Date().toISOString();
    raw.prepare(`INSERT INTO activities (id, type, title, held_on, scope_path, created_at, updated_at) VALUES (?, 'instructor_visit', '驻点', ?, ?, ?, ?)`).run(act, day, path, T, T);
    raw.prepare(`INSERT INTO activity_outlets (id, activity_id, outlet_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(uuidv7(), act, w.covered.id, path, T, T);
    const ranking = await call(w.ctx, 'coverage.ranking', { level: 'county' });
    expect(ranking.map((r) => [r.unitName, r.members, r.coveredMembers, r.outletsWithContact, r.contactBand])).toEqual([
      ['ca县', 5, 3, 1, 'red'],
      ['cb县', 3, 3, 0, 'red'],
    ]);
  });
});

describe('structure breaches', () => {
  it('flags an outlet of 3 full members in a joint branch, a joint branch over 5 units and an expired term', async () => {
    const w = await world();
    const breaches = await call(w.ctx, 'coverage.breaches', {});
    expect(breaches.map((b) => [b.kind, b.targetName])).toEqual([
      ['needs_branch', '乙县网点0'],
      ['joint_too_wide', '乙县联合党支部'],
      ['term_expired', '乙县联合党支部'],
    ]);
    expect(breaches[0]!.detail).toBe('有正式党员3名，应单独组建党支部；目前由“乙县联合党支部”覆盖');
  });

  it('treats the company\'s own stores as one unit but each partner outlet as its own', async () => {
    const ctx = p.context();
    const { county } = await buildTree(ctx);
    const stores = [await buildOutlet(ctx, county.id, { name: '营业厅甲' }), await buildOutlet(ctx, county.id, { name: '营业厅乙' })];
    const partners = [await buildOutlet(ctx, county.id, { name: '合作厅甲', channelType: 'social_partner' }), await buildOutlet(ctx, county.id, { name: '合作厅乙', channelType: 'social_partner' })];
    const company = await buildBranch(ctx, county.id, { name: '营业部党支部', outletIds: stores.map((o) => o.id), committee: [] });
    const shared = await buildBranch(ctx, county.id, { name: '合作厅党支部', outletIds: partners.map((o) => o.id) });
    for (const o of stores) for (let i = 0; i < 3; i++) await buildMember(ctx, o.id, company.id);
    for (const o of partners) for (let i = 0; i < 3; i++) await buildMember(ctx, o.id, shared.id);
    const flagged = (await call(ctx, 'coverage.breaches', { kind: 'needs_branch' })).map((b) => b.targetName).sort();
    expect(flagged).toEqual(['合作厅乙', '合作厅甲']);
  });

  it('flags a branch of 7 full members without a committee and one of over 50 members', async () => {
    const ctx = p.context();
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    const big = await buildBranch(ctx, county.id, { name: '大支部', outletIds: [outlet.id] });
    for (let i = 0; i < 51; i++) await buildMember(ctx, outlet.id, big.id);
    const kinds = (await call(ctx, 'coverage.breaches', {})).map((b) => b.kind);
    expect(kinds).toEqual(['needs_committee', 'branch_too_large']);
    const drill = await call(ctx, 'people.list', { branchId: big.id, limit: 500 });
    expect(drill.total).toBe(51);
  });

  it('exports each list to Excel and logs the export', async () => {
    const w = await world();
    for (const list of ['uncovered', 'no_instructor', 'ranking_county', 'ranking_grid', 'breaches'] as const) {
      const f = await call(w.ctx, 'registry.export', { list });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.rowCount).toBe(f.rows + 1);
    }
    const log = await call(w.ctx, 'registry.audit', { kind: 'export' });
    expect(log.total).toBe(5);
    expect(log.rows.map((r) => r.description)).toContain('导出“组织设置问题”，共3行');
  });
});
