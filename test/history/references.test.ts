// A change that points at another record (a person moved to another outlet, an outlet's county)
// reads as that record's name with its field's label, on screen and in the export; an id this
// device does not know (or may not see) keeps its short form.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/core/ids.js';
import { readValue } from '../../renderer/features/history/values.js';
import { buildBranch, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
const words = { empty: '（空）', yes: '是', no: '否' };

describe('references in history read as names', () => {
  let p: P;
  beforeAll(async () => {
    p = await tempProfile({ role: 'county_organiser', scopePath: '/' });
  });
  afterAll(async () => p?.cleanup());

  it('names the outlets a person moved between, and the county an outlet was created in', async () => {
    const t = await buildTree(p.context());
    const from = await buildOutlet(p.context(), t.county.id, { name: '骊山路营业厅' });
    const to = await buildOutlet(p.context(), t.county.id, { name: '华清路营业厅' });
    const branch = await buildBranch(p.context(), t.county.id);
    const base = { name: '周敏', citizenId: validId(), politicalStatus: 'full_member' as const, outletId: from.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    const m = await call(p.context(), 'people.save', base);
    await call(p.context(), 'people.save', { ...base, id: m.id, outletId: to.id });

    const h = await call(p.context(), 'history.forRecord', { tbl: 'people', rowId: m.id });
    const move = h.find((e) => e.col === 'outlet_id' && e.op === 'update')!;
    expect(move).toMatchObject({ oldValue: from.id, newValue: to.id, oldRef: '骊山路营业厅', newRef: '华清路营业厅', label: { zh: '所在网点', en: 'Outlet' } });
    // On screen: the name, the id on hover; in both languages the label of the field.
    expect(readValue(move.col, move.oldValue, 'zh', words, move.oldRef)).toEqual({ text: '骊山路营业厅', full: from.id });

    const o = await call(p.context(), 'history.forRecord', { tbl: 'outlets', rowId: from.id });
    expect(o.find((e) => e.col === 'county_id')).toMatchObject({ newValue: t.county.id, newRef: t.county.name, label: { zh: '所属县（区）', en: 'County' } });
  });

  it('keeps an unknown id short and whole on hover, and ids that are no references as they are', async () => {
    const t = await buildTree(p.context());
    const outlet = await buildOutlet(p.context(), t.county.id);
    const ghost = uuidv7();
    // A change that arrived by sync naming an outlet this device never received.
    p.store.raw.prepare(`INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, hlc, source)
      SELECT 'outlets', id, scope_path, 'update', 'county_id', ?, ?, NULL, '0000000000000-0000-hqhqhqhq', 'sync' FROM outlets WHERE id = ?`).run(JSON.stringify(ghost), JSON.stringify(t.county.id), outlet.id);
    const e = (await call(p.context(), 'history.forRecord', { tbl: 'outlets', rowId: outlet.id })).find((x) => x.col === 'county_id' && x.op === 'update')!;
    expect(e.oldRef).toBeUndefined();
    expect(e.newRef).toBe(t.county.name);
    expect(readValue(e.col, e.oldValue, 'en', words, e.oldRef)).toEqual({ text: `#${ghost.slice(-6)}`, full: ghost });
  });

  it('names no record outside the viewer\'s scope (a person of another county), but the org units above it', async () => {
    const t = await buildTree(p.context());
    const other = await buildTree(p.context());
    const outlet = await buildOutlet(p.context(), t.county.id);
    const branch = await buildBranch(p.context(), other.county.id);
    const stranger = await call(p.context(), 'people.save', { name: '外县人', citizenId: validId(), politicalStatus: 'full_member', member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } });
    const path = (p.store.raw.prepare('SELECT path FROM org_units WHERE id = ?').get(t.county.id) as { path: string }).path;
    // A change in this county that points at that person and at the city above the county.
    p.store.raw.prepare(`INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, hlc, source) VALUES
      ('outlets', ?, ?, 'update', 'person_id', ?, ?, NULL, '0000000000001-0000-hqhqhqhq', 'sync')`).run(outlet.id, path, JSON.stringify(stranger.id), JSON.stringify(t.city.id));
    const session = { ...p.session };
    Object.assign(p.session, { scopePath: path });
    try {
      const e = (await call(p.context(), 'history.forRecord', { tbl: 'outlets', rowId: outlet.id })).find((x) => x.col === 'person_id')!;
      expect(e.oldRef).toBeUndefined();
      expect(e.newRef).toBe(t.city.name);
    } finally {
      Object.assign(p.session, session);
    }
  });

  it('writes names beside ids in the device export', async () => {
    const t = await buildTree(p.context());
    const a = await buildOutlet(p.context(), t.county.id, { name: '东关营业厅' });
    const b = await buildOutlet(p.context(), t.county.id, { name: '西关营业厅' });
    const branch = await buildBranch(p.context(), t.county.id);
    const base = { name: '吴刚', citizenId: validId(), politicalStatus: 'full_member' as const, outletId: a.id, member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } };
    const m = await call(p.context(), 'people.save', base);
    await call(p.context(), 'people.save', { ...base, id: m.id, outletId: b.id });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const f = await call(p.context(), 'history.export', { from: today, to: today, unitId: t.county.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))));
    const move = rows.find((r) => r[3] === '所在网点 Outlet' && r[4] !== '' && r[5] !== '')!;
    expect(move.slice(2, 6)).toEqual([`吴刚（${m.id}）`, '所在网点 Outlet', `东关营业厅（${a.id}）`, `西关营业厅（${b.id}）`]);
  });
});
