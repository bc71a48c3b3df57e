// People search: name, pinyin (full, initials, given name), phone and id digits, outlet and branch
// names; the FTS index kept in step with inserts, updates, deletes and merges by triggers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planTerm, splitTerms } from '../../db/people/search.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { buildBranch, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

const names = async (q: string, extra: Record<string, unknown> = {}) =>
  (await call(p.context(), 'people.list', { q, ...extra })).rows.map((r) => r.name).sort();

async function seed() {
  const ctx = p.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id, { name: '临潼骊山路营业厅', code: 'XA-LT-0001' });
  const rural = await buildOutlet(ctx, county.id, { name: '代王镇乡村服务点', code: 'XA-LT-0200', channelType: 'rural' });
  const branch = await buildBranch(ctx, county.id, { name: '临潼营业部党支部' });
  const zhang = await call(ctx, 'people.save', {
    name: '张三', citizenId: makeCitizenId('610115', '1985-06-15', 11, true), phone: '13912345678', politicalStatus: 'full_member',
    outletId: outlet.id, member: { branchId: branch.id, joinDate: '2008-07-01', fullDate: '2009-07-01' },
  });
  const wang = await call(ctx, 'people.save', { name: '王建国', phone: '18009876543', politicalStatus: 'masses', outletId: rural.id });
  const shan = await call(ctx, 'people.save', { name: '单雄信', politicalStatus: 'masses', outletId: rural.id });
  return { county, outlet, rural, branch, zhang, wang, shan };
}

describe('search terms (pure)', () => {
  it('splits on spaces and Chinese punctuation, normalises full-width and case', () => {
    expect(splitTerms('  ＺＳ，骊山路  ')).toEqual(['zs', '骊山路']);
  });
  it('classifies terms', () => {
    const o = { fullIds: true };
    expect(planTerm('zs', o)).toEqual({ kind: 'pinyin', prefix: 'zs' });
    expect(planTerm('张', o)).toEqual({ kind: 'namePrefix', prefix: '张' });
    expect(planTerm('12', o)).toEqual({ kind: 'none' });
    expect(planTerm('1234', o)).toMatchObject({ kind: 'fts' });
  });
  it('limits digit search to what a masked list shows for masked roles', () => {
    const masked = planTerm('3456', { fullIds: false });
    expect(masked.kind === 'fts' && masked.match).toContain('"3456|"');
    expect(masked.kind === 'fts' && masked.match).not.toContain('{phone citizen_id} : "3456"');
    // Mid-string digits of an id or phone are hidden in a masked list: only anchored phrases ("|…", "…|") search them.
    const middle = planTerm('1234567', { fullIds: false });
    expect(middle.kind === 'fts' && middle.match).toBe('{places} : "1234567"');
  });
});

describe('people search over the FTS index', () => {
  it('finds by name, pinyin initials, full pinyin, given-name pinyin and surname reading', async () => {
    await seed();
    expect(await names('张三')).toEqual(['张三']);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('ZS')).toEqual(['张三']);
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('zhang san')).toEqual(['张三']);
    expect(await names('jianguo')).toEqual(['王建国']);
    expect(await names('wjg')).toEqual(['王建国']);
    expect(await names('建国')).toEqual(['王建国']);
    expect(await names('王')).toEqual(['王建国']);
    // 单 is read shan as a surname, not dan.
    expect(await names('shanxiongxin')).toEqual(['单雄信']);
    expect(await names('sxx')).toEqual(['单雄信']);
  });

  it('finds by any 4+ digits of phone or id for roles that see them, by outlet and branch names', async () => {
    const s = await seed();
    expect(await names('2345')).toEqual(['张三']);
    expect(await names('0987654')).toEqual(['王建国']);
    expect(await names('19850615')).toEqual(['张三']);
    expect(await names('骊山路')).toEqual(['张三']);
    expect(await names('XA-LT-0200')).toEqual(['单雄信', '王建国']);
    expect(await names('营业部党支部')).toEqual(['张三']);
    expect(await names('代王 wjg')).toEqual(['王建国']);
    expect(await names('乡村服务点')).toEqual(['单雄信', '王建国']);
    expect(await names('zs', { politicalStatus: ['masses'] })).toEqual([]);
    expect(await names('xa-lt', { outletId: s.rural.id })).toEqual(['单雄信', '王建国']);
  });

  it('keeps the index in step on update and delete', async () => {
    const s = await seed();
    const ctx = p.context();
    await call(ctx, 'people.save', { id: s.wang.id, name: '李四', politicalStatus: 'masses', outletId: s.outlet.id });
    expect(await names('wjg')).toEqual([]);
    expect(await names('ls')).toEqual(['李四']);
    expect(await names('骊山路')).toEqual(['张三', '李四']);
    // Renaming the outlet re-indexes the people who work there.
    await call(ctx, 'outlets.save', { id: s.outlet.id, code: 'XA-LT-0001', name: '华清路营业厅', channelType: 'own_store', countyId: s.county.id });
    expect(await names('骊山路')).toEqual([]);
    expect(await names('华清路')).toEqual(['张三', '李四']);
    await call(ctx, 'partyOrgs.save', { id: s.branch.id, name: '华清党支部', orgType: 'branch', unitId: s.county.id });
    expect(await names('华清党支部')).toEqual(['张三']);
    await call(ctx, 'people.delete', { id: s.zhang.id });
    expect(await names('zs')).toEqual([]);
    const fts = p.store.raw.prepare(`SELECT count(*) AS n FROM people_search`).get() as { n: number };
    expect(fts.n).toBe(2);
  });

  it('follows a merge: the loser leaves the index, the survivor stays', async () => {
    const s = await seed();
    const ctx = p.context();
    const twin = await call(ctx, 'people.save', { name: '张叁', phone: '13912345678', politicalStatus: 'masses', outletId: s.outlet.id });
    expect(await names('13912345678')).toEqual(['张三', '张叁']);
    await call(ctx, 'duplicates.merge', { survivorId: s.zhang.id, loserId: twin.id, reason: 'pinyin_phone' });
    expect(await names('13912345678')).toEqual(['张三']);
    expect(await names('zs')).toEqual(['张三']);
  });

  it('hides mid-string digits from roles without full-id rights but still finds the visible last 4', async () => {
    const s = await seed();
    void s;
    await p.cleanup();
    const dir = p.dir;
    void dir;
    p = await tempProfile({ role: 'instructor' });
    const ctx = p.context();
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    await call(ctx, 'people.save', { name: '周九', phone: '13700001111', politicalStatus: 'masses', outletId: outlet.id });
    expect(await names('0000')).toEqual([]);
    expect(await names('1111')).toEqual(['周九']);
    expect(await names('13700001111')).toEqual(['周九']);
  });

  it('pages and counts the matches', async () => {
    const ctx = p.context();
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    for (let i = 0; i < 25; i++) await call(ctx, 'people.save', { name: `张${'一二三四五六七八九十'[i % 10]}${i}`, politicalStatus: 'masses', outletId: outlet.id });
    const first = await call(ctx, 'people.list', { q: 'z', limit: 10, offset: 0 });
    const last = await call(ctx, 'people.list', { q: 'z', limit: 10, offset: 20 });
    const beyond = await call(ctx, 'people.list', { q: 'z', limit: 10, offset: 40 });
    expect([first.total, first.rows.length, last.rows.length, beyond.total, beyond.rows.length]).toEqual([25, 10, 5, 25, 0]);
  });
});
