// Privacy on the wire: HQ sends instructors and auditors masked citizen ids and phone numbers —
// in rows, in conflict records — while county organisers get the full values; a masked value
// pushed back never overwrites the real one at HQ, and a device does not even capture it as a change.
import { sql } from 'kysely';
import { heldCells } from '../hq/heldCells.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { maskCitizenId, maskPhone } from '../../shared/domain/citizenId.js';
import { call, validId } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { deviceStamp, pullRaw, pushForged, scopeOf } from './forge.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

let hq: TestHq;
let admin: TestDevice;
let w: World;
beforeAll(async () => {
  hq = await startTestHq();
  admin = await enrolledDevice(hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
  w = await buildWorld(admin.context());
  await admin.sync();
}, 60_000);
afterAll(async () => {
  await admin?.cleanup();
  await hq?.close();
});

const person = (d: TestDevice, id: string) => d.store.raw.prepare('SELECT citizen_id, phone, name FROM people WHERE id = ?').get(id) as { citizen_id: string; phone: string | null; name: string };
const hqCells = (id: string) => heldCells(hq.store.db, 'people', id);
/** Every full id HQ holds, and every text the device's store file holds. */
const fullIds = async () => (await sql<{ cells: string }>`SELECT cells FROM hq_rows WHERE tbl = 'people'`.execute(hq.store.db)).rows.map((r) => JSON.parse(r.cells).citizen_id[0] as string);

it('sends instructors and auditors masked ids and phones, organisers the full values; nothing masked comes back as a change', async () => {
  const p = w.full[0]!.id;
  await call(admin.context(), 'people.save', { id: p, name: w.full[0]!.name, citizenId: person(admin, p).citizen_id, politicalStatus: 'full_member', outletId: w.outlet.id, phone: '13912345678', member: { branchId: w.branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } });
  await admin.sync();
  const organiser = await enrolledDevice(hq, { user: '县组织员', role: 'county_organiser', scope: w.county.path });
  const instructor = await enrolledDevice(hq, { user: '指导员', role: 'instructor', scope: w.county.path });
  const auditor = await enrolledDevice(hq, { user: '审计员', role: 'auditor', scope: w.county.path });
  try {
    for (const d of [organiser, instructor, auditor]) await d.sync();
    const full = person(admin, p);
    expect(person(organiser, p)).toMatchObject({ citizen_id: full.citizen_id, phone: '13912345678' });
    for (const d of [instructor, auditor]) {
      expect(person(d, p)).toMatchObject({ citizen_id: maskCitizenId(full.citizen_id), phone: maskPhone('13912345678'), name: full.name });
      // Not in the store, and not on the wire either.
      const wire = JSON.stringify(await pullRaw(d));
      for (const id of await fullIds()) expect(wire).not.toContain(id);
      expect(wire).not.toContain('13912345678');
    }

    // A concurrent change of the phone: the conflict record an instructor receives is masked too.
    await call(organiser.context(), 'people.save', { id: p, name: full.name, citizenId: full.citizen_id, politicalStatus: 'full_member', outletId: w.outlet.id, phone: '13700001111', member: { branchId: w.branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } });
    await call(admin.context(), 'people.save', { id: p, name: full.name, citizenId: full.citizen_id, politicalStatus: 'full_member', outletId: w.outlet.id, phone: '13800002222', member: { branchId: w.branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' } });
    await organiser.sync();
    await admin.sync();
    await instructor.sync();
    const conflicts = instructor.store.raw.prepare(`SELECT loser_value, winner_value FROM sync_conflicts WHERE col = 'phone'`).all() as { loser_value: string; winner_value: string }[];
    expect(conflicts.length).toBeGreaterThan(0);
    expect(JSON.stringify(conflicts)).not.toMatch(/13700001111|13800002222/);
    expect(conflicts.map((c) => JSON.parse(c.winner_value))).toEqual(expect.arrayContaining([expect.stringMatching(/^13[78]\*{4}\d{4}$/)]));

    // The instructor's form saves the person as shown, masked id and all: not a change, nothing to send.
    const before = await hqCells(p);
    const shown = person(instructor, p);
    instructor.store.raw.prepare('UPDATE people SET citizen_id = ?, phone = ?, notes = ? WHERE id = ?').run(shown.citizen_id, shown.phone, '走访时更新', p);
    const out = instructor.store.raw.prepare(`SELECT cols FROM sync_outbox WHERE tbl = 'people' AND row_id = ?`).all(p) as { cols: string }[];
    expect(out.map((o) => Object.keys(JSON.parse(o.cols)))).toEqual([['notes']]);
    // Even an instructor whose own store held the full id and now saves the masked one sends nothing of it.
    const own = await call(instructor.context(), 'people.save', { name: '新登记', citizenId: validId('1990-01-01'), politicalStatus: 'masses', outletId: w.outlet.id, phone: '13633334444' });
    await instructor.sync();
    const typed = person(instructor, own.id);
    expect(typed.citizen_id).not.toContain('*'); // what the instructor typed stays on the device
    instructor.store.raw.prepare('UPDATE people SET citizen_id = ?, phone = ? WHERE id = ?').run(maskCitizenId(typed.citizen_id), maskPhone(typed.phone), own.id);
    expect(instructor.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE row_id = ?`).get(own.id)).toEqual({ n: 0 });
    await instructor.sync();
    expect((await hqCells(p)).notes![0]).toBe('走访时更新');
    expect((await hqCells(p)).citizen_id).toEqual(before.citizen_id);
    expect((await hqCells(own.id)).citizen_id![0]).toBe(typed.citizen_id); // the organiser sees what the instructor typed
    await organiser.sync();
    expect(person(organiser, own.id)).toMatchObject({ citizen_id: typed.citizen_id, phone: '13633334444' });

    // And HQ, sent masked values as a change by a device that bypasses its own capture, keeps the real ones.
    const forged = await pushForged(instructor, [{ t: 'people', r: p, h: deviceStamp(instructor), p: scopeOf(instructor, 'people', p), c: { citizen_id: shown.citizen_id, phone: '139****0000' } }]);
    expect(forged.answers[0]!.res).toEqual({ citizen_id: 's', phone: 's' });
    expect((await hqCells(p)).citizen_id).toEqual(before.citizen_id);
    expect((await hqCells(p)).phone![0]).toBe(before.phone![0]);
  } finally {
    for (const d of [organiser, instructor, auditor]) await d.cleanup();
  }
}, 120_000);
