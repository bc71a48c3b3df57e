// Privacy by role: masked ids and phones in lists, on the detail screen and in exports for every
// role; full values only through a logged reveal or export by county organisers and HQ.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Role } from '../../shared/domain/enums.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { buildBranch, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

const as = (ctx: ApiContext, role: Role, userName = `${role}用户`): ApiContext => ({ ...ctx, session: { ...ctx.session, role, userName } });
const id = makeCitizenId('610115', '1985-06-15', 11, true);

async function world() {
  const ctx = p.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id);
  const branch = await buildBranch(ctx, county.id, { name: '临潼营业部党支部' });
  const person = await call(ctx, 'people.save', {
    name: '张三', citizenId: id, phone: '13912345678', politicalStatus: 'full_member', outletId: outlet.id,
    member: { branchId: branch.id, joinDate: '2008-07-01' },
  });
  return { ctx, person };
}

async function sheetValues(base64: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => out.push(String(c.value))));
  return out;
}

describe('privacy by role', () => {
  it('masks the detail screen for every role, even those allowed to reveal', async () => {
    const w = await world();
    for (const role of ['county_organiser', 'hq_admin', 'instructor', 'auditor'] as Role[]) {
      const d = await call(as(w.ctx, role), 'people.get', { id: w.person.id });
      expect([d.citizenId, d.phone, d.citizenIdMasked]).toEqual(['610115********' + id.slice(-4), '139****5678', true]);
    }
    const saved = await call(w.ctx, 'people.save', { id: w.person.id, name: '张三', politicalStatus: 'full_member', member: { branchId: (await call(w.ctx, 'people.get', { id: w.person.id })).member!.branchId, joinDate: '2008-07-01' } });
    expect(saved.citizenId).toContain('****');
    // Saving without the id keeps the stored value.
    expect((p.store.raw.prepare('SELECT citizen_id FROM people').get() as { citizen_id: string }).citizen_id).toBe(id);
  });

  it('reveals full values to organisers and HQ only, and logs who saw whom', async () => {
    const w = await world();
    const full = await call(as(w.ctx, 'county_organiser', '刘组织员'), 'people.reveal', { id: w.person.id });
    expect(full).toEqual({ citizenId: id, phone: '13912345678' });
    for (const role of ['instructor', 'auditor'] as Role[]) {
      const r = await dispatch(as(w.ctx, role), 'people.reveal', { id: w.person.id });
      expect(!r.ok && r.error.message).toBe('您的角色不能查看完整的身份证号和手机号');
    }
    const log = await call(w.ctx, 'registry.audit', { kind: 'reveal' });
    expect(log.rows.map((r) => [r.userName, r.subjectName, r.description])).toEqual([['刘组织员', '张三', '查看完整身份证号和手机号：张三']]);
  });

  it('exports masked by default, full only for roles that may, and logs every export with its filter', async () => {
    const w = await world();
    const masked = await call(as(w.ctx, 'auditor'), 'registry.export', { list: 'roster', filter: { politicalStatus: ['full_member'] } });
    const values = await sheetValues(masked.base64);
    expect(values).toContain('610115********' + id.slice(-4));
    expect(values).not.toContain(id);
    const refused = await dispatch(as(w.ctx, 'instructor'), 'registry.export', { list: 'roster', fullIds: true });
    expect(!refused.ok && refused.error.message).toBe('您的角色只能导出脱敏后的身份证号和手机号');
    const full = await call(w.ctx, 'registry.export', { list: 'roster', fullIds: true, filter: { q: 'zs' } });
    expect(await sheetValues(full.base64)).toContain(id);
    const log = await call(w.ctx, 'registry.audit', { kind: 'export' });
    expect(log.rows.map((r) => [r.role, r.rowCount, r.fullIds, r.description])).toEqual([
      ['county_organiser', 1, true, '导出“党员花名册”（范围：全部；搜索：zs），共1行，含完整身份证号和手机号'],
      ['auditor', 1, false, '导出“党员花名册”（范围：全部；政治面貌：中共党员），共1行'],
    ]);
    expect(log.rows[1]!.filter).toEqual({ list: 'roster', politicalStatus: ['full_member'] });
  });

  it('keeps people outside the scope out of reach', async () => {
    const w = await world();
    const narrow = { ...w.ctx, session: { ...w.ctx.session, scopePath: '/hq/elsewhere/' } };
    const r = await dispatch(narrow, 'people.get', { id: w.person.id });
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect((await call(narrow, 'people.list', { q: 'zs' })).total).toBe(0);
  });
});
