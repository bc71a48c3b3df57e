// A created or deleted record's history entry is copied from the outbox entry written with it in
// the same trigger (db/history/triggers.ts): the same row, scope, columns, writer and stamp, a
// masked id written back left out of both. An update's entries name each changed field once, and a
// masked id written back is neither a change nor history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutCapture } from '../../db/sync/state.js';
import { decodeWriter } from '../../shared/history/writer.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
interface Outbox { seq: number; tbl: string; row_id: string; scope: string; cols: string; writer: string | null; hlc: string }
interface Entry { tbl: string; row_id: string; scope_path: string; op: string; col: string; old_value: string | null; new_value: string | null; writer: string | null; hlc: string; source: string }

const PERSON = '0190a000-0000-7000-8000-0000000000a1';
const OUTLET = '0190a000-0000-7000-8000-0000000000a2';

describe('history entries copy their outbox entry', () => {
  let p: P;
  beforeAll(async () => {
    p = await tempProfile({ role: 'county_organiser', scopePath: '/' });
  });
  afterAll(async () => p?.cleanup());

  const lastOutbox = (id: string) => p.store.raw.prepare(`SELECT * FROM sync_outbox WHERE row_id = ? ORDER BY seq DESC LIMIT 1`).get(id) as Outbox;
  const entries = (id: string) => p.store.raw.prepare(`SELECT * FROM record_history WHERE row_id = ? ORDER BY id`).all(id) as Entry[];

  it('an insert: the whole row as sent to HQ, a masked id left out, with its writer and stamp', () => {
    const raw = p.store.raw;
    raw.prepare(`INSERT INTO people (id, name, gender, citizen_id, phone, political_status, scope_path, created_at, updated_at)
      VALUES (?, '王五', 'male', '110105********002X', '13912345678', 'masses', '/hq/xa/lt/', 't', 't')`).run(PERSON);
    const o = lastOutbox(PERSON);
    const [e, ...more] = entries(PERSON);
    expect(more).toEqual([]);
    expect(e).toMatchObject({ tbl: 'people', row_id: PERSON, scope_path: '/hq/xa/lt/', op: 'insert', col: '', old_value: null, source: 'app' });
    expect(e!.new_value).toBe(o.cols);
    expect(e!.hlc).toBe(o.hlc);
    expect(e!.writer).toBe(o.writer);
    expect(decodeWriter(e!.writer)).toEqual({ name: p.session.userName, role: 'county_organiser' });
    const sent = JSON.parse(o.cols) as Record<string, unknown>;
    expect(sent).toMatchObject({ name: '王五', phone: '13912345678' });
    expect('citizen_id' in sent).toBe(false);
  });

  it('an update: one entry per changed field with old and new, none for a masked id written back', () => {
    const raw = p.store.raw;
    raw.prepare(`UPDATE people SET name = '王六', phone = '13900000000', citizen_id = '110105********9999', updated_at = 'u' WHERE id = ?`).run(PERSON);
    const o = lastOutbox(PERSON);
    expect(JSON.parse(o.cols)).toEqual({ name: '王六', phone: '13900000000', updated_at: 'u' });
    const changed = entries(PERSON).filter((e) => e.op === 'update');
    expect(changed.map((e) => [e.col, e.old_value, e.new_value])).toEqual([
      ['name', '"王五"', '"王六"'],
      ['phone', '"13912345678"', '"13900000000"'],
    ]);
    for (const e of changed) expect([e.hlc, e.writer, e.scope_path]).toEqual([o.hlc, o.writer, o.scope]);
  });

  it('an update that changes nothing writes neither an outbox entry nor history, and the next write is recorded whole', () => {
    const raw = p.store.raw;
    raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'X1', '网点', 'rural', 'c', '/hq/xa/', 't', 't')`).run(OUTLET);
    const seq = lastOutbox(OUTLET).seq;
    raw.prepare(`UPDATE outlets SET name = '网点' WHERE id = ?`).run(OUTLET);
    expect(lastOutbox(OUTLET).seq).toBe(seq);
    expect(entries(OUTLET).map((e) => e.op)).toEqual(['insert']);
    raw.prepare(`UPDATE outlets SET lat = 34.5, staff_count = 3 WHERE id = ?`).run(OUTLET);
    expect(JSON.parse(lastOutbox(OUTLET).cols)).toEqual({ staff_count: 3, lat: 34.5 });
    expect(entries(OUTLET).filter((e) => e.op === 'update').map((e) => [e.col, e.old_value, e.new_value])).toEqual([
      ['staff_count', '0', '3'],
      ['lat', 'null', '34.5'],
    ]);
  });

  it('a row without an id under INSERT OR IGNORE: its outbox entry is skipped, and no earlier entry is copied into history', () => {
    const raw = p.store.raw;
    const count = (t: string) => (raw.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
    const [outbox, history] = [count('sync_outbox'), count('record_history')];
    raw.prepare(`INSERT OR IGNORE INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (NULL, 'X2', '无号', 'rural', 'c', '/hq/xa/', 't', 't')`).run();
    expect([count('sync_outbox'), count('record_history')]).toEqual([outbox, history]);
    withoutCapture(raw, () => raw.prepare(`DELETE FROM outlets WHERE id IS NULL`).run());
  });

  it('a hard delete: the tombstone and its entry share the row, scope, writer and stamp', () => {
    const raw = p.store.raw;
    raw.prepare(`DELETE FROM outlets WHERE id = ?`).run(OUTLET);
    const o = lastOutbox(OUTLET);
    expect(JSON.parse(o.cols)).toEqual({ deleted: 1 });
    const e = entries(OUTLET).at(-1)!;
    expect(e).toMatchObject({ tbl: 'outlets', row_id: OUTLET, scope_path: '/hq/xa/', op: 'delete', col: '', old_value: null, new_value: null, source: 'app' });
    expect([e.hlc, e.writer]).toEqual([o.hlc, o.writer]);
  });
});
