// Every synced table (shared/sync/tables.ts) keeps field history of local writes, in the writing
// transaction, with the writer; sync's own writes are not local changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedTables } from '../../db/sync/capture.js';
import { withoutCapture } from '../../db/sync/state.js';
import { SYNCED_TABLES } from '../../shared/sync/tables.js';
import { decodeWriter } from '../../shared/history/writer.js';
import { fixtures } from '../db/migrationFixtures.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
interface H { op: string; col: string; old_value: string | null; new_value: string | null; writer: string | null; source: string; hlc: string }

describe('history capture on every synced table', () => {
  let p: P;
  beforeAll(async () => {
    p = await tempProfile({ role: 'county_organiser', scopePath: '/' });
    // Representative rows of every table, loaded as a bulk load (not captured).
    const raw = p.store.raw;
    const deviceId = (raw.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).get() as { value: string }).value;
    raw.prepare(`DELETE FROM meta WHERE key = 'device_id'`).run(); // the fixtures name a device of their own
    withoutCapture(raw, () => {
      for (const f of Object.values(fixtures)) f(raw);
    });
    raw.prepare(`UPDATE meta SET value = ? WHERE key = 'device_id'`).run(deviceId);
    raw.exec('DELETE FROM record_history');
  });
  afterAll(async () => p?.cleanup());

  it('records update (old → new), delete and insert of a row, with the writer, for each table', () => {
    const raw = p.store.raw;
    const present = new Set(capturedTables(raw));
    const missing: string[] = [];
    for (const t of SYNCED_TABLES) {
      expect(present.has(t), `${t} exists in the device store`).toBe(true);
      const row = raw.prepare(`SELECT * FROM "${t}" LIMIT 1`).get() as Record<string, unknown> | undefined;
      if (!row) {
        missing.push(t);
        continue;
      }
      const hist = () => raw.prepare(`SELECT * FROM record_history WHERE tbl = ? AND row_id = ? ORDER BY id`).all(t, row.id) as H[];
      raw.prepare(`UPDATE "${t}" SET created_at = ? WHERE id = ?`).run('2026-12-03T09:00:00.000Z', row.id);
      const [u] = hist();
      expect(u, t).toMatchObject({ op: 'update', col: 'created_at', old_value: JSON.stringify(row.created_at), new_value: JSON.stringify('2026-12-03T09:00:00.000Z'), source: 'app' });
      expect(decodeWriter(u!.writer), t).toEqual({ name: p.session.userName, role: 'county_organiser' });
      // The entry carries the stamp of the outbox entry written with it.
      expect(raw.prepare(`SELECT hlc FROM sync_outbox WHERE tbl = ? AND row_id = ? ORDER BY seq DESC LIMIT 1`).get(t, row.id)).toEqual({ hlc: u!.hlc });
      raw.prepare(`DELETE FROM "${t}" WHERE id = ?`).run(row.id);
      const cols = Object.keys(row);
      raw.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
      const all = hist();
      expect(all.map((h) => h.op), t).toEqual(['update', 'delete', 'insert']);
      const created = JSON.parse(all[2]!.new_value!) as Record<string, unknown>;
      expect(created.scope_path, t).toBe(row.scope_path);
    }
    expect(missing, 'tables without a fixture row (add one in test/db/migrationFixtures.ts)').toEqual([]);
  });

  it('records nothing for a write that changes nothing, for bookkeeping-only changes, or for sync\'s own writes', () => {
    const raw = p.store.raw;
    const row = raw.prepare(`SELECT id, name, updated_at FROM outlets LIMIT 1`).get() as { id: string; name: string };
    const count = () => (raw.prepare(`SELECT count(*) n FROM record_history WHERE row_id = ?`).get(row.id) as { n: number }).n;
    const before = count();
    raw.prepare(`UPDATE outlets SET name = name WHERE id = ?`).run(row.id);
    raw.prepare(`UPDATE outlets SET updated_at = 'x' WHERE id = ?`).run(row.id);
    withoutCapture(raw, () => raw.prepare(`UPDATE outlets SET name = '同步来的' WHERE id = ?`).run(row.id));
    expect(count()).toBe(before);
    // A failed write leaves no history: the entry is in the writing transaction.
    expect(() =>
      raw.transaction(() => {
        raw.prepare(`UPDATE outlets SET name = '回滚' WHERE id = ?`).run(row.id);
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(count()).toBe(before);
  });
});
