// The contract through the real dispatch on a real SQLite profile: what a user would notice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { tempProfile } from '../support/store.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call, validId } from '../support/builders.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
});
afterEach(async () => p.cleanup());

async function rowCount(table: string): Promise<number> {
  return (p.store.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('bad input gets a structured Chinese error and writes nothing', () => {
  it('wrong types, unknown enum values and oversized strings', async () => {
    const { county } = await buildTree(ctx);
    const before = await rowCount('outlets');
    const wrongType = await dispatch(ctx, 'outlets.save', { code: 1, name: '网点', channelType: 'own_store', countyId: county.id });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) {
      expect(wrongType.error.code).toBe('validation');
      expect(wrongType.error.issues[0]).toMatchObject({ path: 'code', message: '编码的类型不正确' });
    }
    const badEnum = await dispatch(ctx, 'outlets.save', { code: 'A1', name: '网点', channelType: 'kiosk', countyId: county.id });
    expect(!badEnum.ok && badEnum.error.issues[0]!.message).toBe('渠道类型的取值不在允许范围内');
    const long = await dispatch(ctx, 'outlets.save', { code: 'A1', name: '长'.repeat(81), channelType: 'rural', countyId: county.id });
    expect(!long.ok && long.error.issues[0]!.message).toBe('名称不能超过80个字符');
    const extra = await dispatch(ctx, 'outlets.save', { code: 'A1', name: '网点', channelType: 'rural', countyId: county.id, hacked: true });
    expect(!extra.ok && extra.error.issues[0]!.message).toContain('未知字段');
    expect(await rowCount('outlets')).toBe(before);
  });

  it('a citizen id with a bad check digit', async () => {
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    const good = validId('1980-05-05');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const r = await dispatch(ctx, 'people.save', { name: '王五', citizenId: bad, politicalStatus: 'masses', outletId: outlet.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('输入有误：身份证号校验位错误，请核对');
      expect(r.error.messageEn).toContain('check digit');
      expect(r.error.issues[0]!.path).toBe('citizenId');
    }
    expect(await rowCount('people')).toBe(0);
  });

  it('an unknown operation and a missing reference', async () => {
    const unknown = await dispatch(ctx, 'people.drop', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown_operation');
    const { county } = await buildTree(ctx);
    const before = await rowCount('outlets');
    const r = await dispatch(ctx, 'outlets.save', {
      code: 'X9', name: '网点', channelType: 'rural', countyId: county.id, coverageOrgId: '0190a000-0000-7000-8000-0000000000ff',
    });
    expect(!r.ok && r.error.message).toBe('覆盖党组织不存在或已删除');
    expect(await rowCount('outlets')).toBe(before);
  });

  it('a failure half-way through a write leaves nothing behind', async () => {
    const { county } = await buildTree(ctx);
    const branch = await buildBranch(ctx, county.id);
    const before = { people: await rowCount('people'), members: await rowCount('members') };
    // The group does not belong to the branch: detected after the person row was checked.
    const r = await dispatch(ctx, 'people.save', {
      name: '赵六', politicalStatus: 'full_member', member: { branchId: branch.id, groupId: '0190a000-0000-7000-8000-0000000000aa', joinDate: '2001-07-01' },
    });
    expect(r.ok).toBe(false);
    expect({ people: await rowCount('people'), members: await rowCount('members') }).toEqual(before);
  });
});

describe('registry', () => {
  it('fills birth date and gender from the id and masks it in lists', async () => {
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    const id = validId('1979-11-02', false);
    const saved = await call(ctx, 'people.save', { name: '刘芳', citizenId: id.toLowerCase(), phone: '１３８００００１２３４', politicalStatus: 'masses', outletId: outlet.id });
    expect(saved).toMatchObject({ birthDate: '1979-11-02', gender: 'female' });
    // Stored normalised (upper-case X, half-width digits); shown masked until someone allowed reveals it.
    const stored = p.store.raw.prepare('SELECT citizen_id, phone FROM people WHERE id = ?').get(saved.id);
    expect(stored).toEqual({ citizen_id: id, phone: '13800001234' });
    const list = await call(ctx, 'people.list', { q: '刘' });
    expect(list.rows[0]!.citizenId).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(list.rows[0]!.phone).toBe('138****1234');
  });

  it('refuses a second person with the same citizen id', async () => {
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    const id = validId();
    await call(ctx, 'people.save', { name: '甲', citizenId: id, politicalStatus: 'masses', outletId: outlet.id });
    const r = await dispatch(ctx, 'people.save', { name: '乙', citizenId: id, politicalStatus: 'masses', outletId: outlet.id });
    expect(!r.ok && r.error.message).toContain('身份证号已登记：甲');
  });

  it('a Party member needs membership details; others may not have them', async () => {
    const r = await dispatch(ctx, 'people.save', { name: '钱七', politicalStatus: 'full_member' });
    expect(!r.ok && r.error.issues[0]!.message).toContain('须填写党员信息');
    const partner = await dispatch(ctx, 'people.save', { name: '孙八', politicalStatus: 'masses', employment: 'partner_staff' });
    expect(!partner.ok && partner.error.issues[0]!.message).toContain('合作方员工须记录本人同意');
  });

  it('covering an outlet with an organisation shows on the outlet and in counts', async () => {
    const { county } = await buildTree(ctx);
    const outlet = await buildOutlet(ctx, county.id);
    const branch = await buildBranch(ctx, county.id, { outletIds: [outlet.id] });
    await buildMember(ctx, outlet.id, branch.id);
    const o = await call(ctx, 'outlets.get', { id: outlet.id });
    expect(o).toMatchObject({ coverageOrgId: branch.id, coverageOrgName: branch.name, memberCount: 1 });
    const org = await call(ctx, 'partyOrgs.get', { id: branch.id });
    expect(org).toMatchObject({ memberCount: 1, fullMemberCount: 1, outletCount: 1 });
    // Removing the outlet from the organisation uncovers it.
    await call(ctx, 'partyOrgs.save', { id: branch.id, name: branch.name, orgType: 'branch', unitId: county.id, outletIds: [] });
    expect((await call(ctx, 'outlets.get', { id: outlet.id })).coverageOrgId).toBeNull();
    const stats = await call(ctx, 'overview.stats', {});
    expect(stats).toMatchObject({ outlets: 1, members: 1, outletsWithoutCoverage: 1 });
  });

  it('filters outlets by channel type and county', async () => {
    const a = await buildTree(ctx, 'ca');
    const b = await buildTree(ctx, 'cb');
    await buildOutlet(ctx, a.county.id, { channelType: 'rural' });
    await buildOutlet(ctx, a.county.id, { channelType: 'own_store' });
    await buildOutlet(ctx, b.county.id, { channelType: 'rural' });
    expect((await call(ctx, 'outlets.list', { channelTypes: ['rural'] })).total).toBe(2);
    expect((await call(ctx, 'outlets.list', { unitId: a.county.id })).total).toBe(2);
    expect((await call(ctx, 'outlets.list', { unitId: a.county.id, channelTypes: ['rural'] })).total).toBe(1);
  });
});

describe('instructor assignments follow the outlet form', () => {
  it('changing the instructor ends the old assignment and starts a new one', async () => {
    const { county } = await buildTree(ctx);
    const a = await call(ctx, 'instructors.save', { name: '甲指导', unitId: county.id, active: true });
    const b = await call(ctx, 'instructors.save', { name: '乙指导', unitId: county.id, active: true });
    let day = new Date('2026-03-01T09:00:00Z');
    const dated: ApiContext = { ...ctx, now: () => day };
    const outlet = await call(dated, 'outlets.save', { code: 'IA1', name: '分配网点', channelType: 'rural', countyId: county.id, instructorId: a.id });
    day = new Date('2026-06-10T09:00:00Z');
    await call(dated, 'outlets.save', { id: outlet.id, code: 'IA1', name: '分配网点', channelType: 'rural', countyId: county.id, instructorId: b.id });
    const rows = p.store.raw
      .prepare('SELECT instructor_id, valid_from, valid_to FROM instructor_assignments WHERE outlet_id = ? AND deleted = 0 ORDER BY valid_from')
      .all(outlet.id);
    expect(rows).toEqual([
      { instructor_id: a.id, valid_from: '2026-03-01', valid_to: '2026-06-09' },
      { instructor_id: b.id, valid_from: '2026-06-10', valid_to: null },
    ]);
  });
});

describe('roles and scope', () => {
  it('an auditor reads but cannot write', async () => {
    const auditor = await tempProfile({ role: 'auditor' });
    const r = await dispatch(auditor.context(), 'orgUnits.save', { code: 'hq', name: '省公司', level: 'hq' });
    expect(!r.ok && r.error.code).toBe('forbidden');
    await auditor.cleanup();
  });

  it('a county device sees and writes only its county', async () => {
    const { county } = await buildTree(ctx, 'in');
    const other = await buildTree(ctx, 'out');
    await buildOutlet(ctx, county.id);
    await buildOutlet(ctx, other.county.id);
    const scoped: ApiContext = { ...ctx, session: { ...ctx.session, scopePath: `/hq/in-city/in-county/` } };
    expect((await call(scoped, 'outlets.list', {})).total).toBe(1);
    const r = await dispatch(scoped, 'outlets.save', { code: 'OUT-X', name: '越权网点', channelType: 'rural', countyId: other.county.id });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });
});
