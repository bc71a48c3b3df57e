// A device that pushes a column its table does not declare (shared/sync/columns.ts) gets those
// cells refused with a reason — the rest of its write is applied — and no other device is ever
// served them, not even what an HQ from before this check stored.
import { sql } from 'kysely';
import { heldCells } from '../hq/heldCells.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

const hqCells = (table: string, id: string) => heldCells(hq.store.db, table, id);

it('refuses undeclared columns, applies the rest of the write, and serves them to nobody', async () => {
  const a = await enrolledDevice(hq, { user: '甲组织员', role: 'county_organiser', scope: w.county.path });
  const b = await enrolledDevice(hq, { user: '乙指导员', role: 'instructor', scope: w.county.path });
  try {
    await a.sync();
    const person = w.full[0]!.id;
    const answer = await pushForged(a, [{ t: 'people', r: person, h: deviceStamp(a), p: scopeOf(a, 'people', person), c: { notes: '调入本支部', secret_note: '偷偷存的内容' } }]);
    const item = answer.answers[0]!;
    expect(item.res).toEqual({ notes: 'a', secret_note: 'r' });
    expect(item.reason?.code).toBe('unknown_column');
    expect(item.reason?.zh).toContain('secret_note');

    const cells = await hqCells('people', person);
    expect(cells.notes?.[0]).toBe('调入本支部');
    expect(cells).not.toHaveProperty('secret_note');

    // A write of nothing but undeclared columns changes nothing at all.
    const only = await pushForged(a, [{ t: 'outlets', r: w.outlet.id, h: deviceStamp(a), p: scopeOf(a, 'outlets', w.outlet.id), c: { owner_bank_card: '6222020000000000' } }]);
    expect(only.answers[0]!.res).toEqual({ owner_bank_card: 'r' });
    expect(await hqCells('outlets', w.outlet.id)).not.toHaveProperty('owner_bank_card');

    // What an older HQ stored anyway (in its form: a stamp in every cell) is not served either.
    const legacy = { ...cells, legacy_junk: ['旧版本存下的', cells.notes![1], cells.notes![2], ''] };
    await sql`UPDATE hq_rows SET cells = ${JSON.stringify(legacy)}, stamps = NULL WHERE tbl = 'people' AND row_id = ${person}`.execute(hq.store.db);
    const served = (await pullRaw(b)).find((r) => r.t === 'people' && r.id === person)!;
    expect(served.c.notes).toBe('调入本支部');
    expect(Object.keys(served.c).filter((c) => ['secret_note', 'legacy_junk'].includes(c))).toEqual([]);
  } finally {
    await a.cleanup();
    await b.cleanup();
  }
}, 60_000);
