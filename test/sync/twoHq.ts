// Two HQ processes on one database (PostgreSQL): devices talk to either, at the same time, and
// everything still converges with every write applied exactly once (HQ keeps no state that matters
// in memory; the global version's row lock orders all writers).
import { expect } from 'vitest';
import { sql } from 'kysely';
import { heldCells } from '../hq/heldCells.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { setMetaRaw } from '../../db/sync/state.js';
import { Oracle } from './oracle.js';
import { enrolledDevice, snapshot, type TestDevice, type TestHq } from './support.js';

export async function twoHqScenario(hq: TestHq, urls: [string, string], rounds = 12): Promise<void> {
  const devs: TestDevice[] = [];
  for (const u of ['一', '二', '三']) devs.push(await enrolledDevice(hq, { user: `县组织员${u}`, role: 'county_organiser', scope: '/hq/m/' }));
  const oracle = new Oracle();
  try {
    const ids: string[] = [];
    const raw0 = devs[0]!.store.raw;
    for (let i = 0; i < 4; i++) {
      const id = uuidv7();
      ids.push(id);
      oracle.record(raw0, 'outlets', id, ['*'], () =>
        raw0.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, '初始', 'rural', 'c', '/hq/m/', 't', 't')`).run(id, `M${i}`),
      );
    }
    await devs[0]!.sync();
    let captured = 0;
    // Every device edits and syncs, all at once, each round through a different HQ process.
    await Promise.all(
      devs.map(async (d, di) => {
        for (let r = 0; r < rounds; r++) {
          const raw = d.store.raw;
          for (let k = 0; k < 3; k++) {
            const id = ids[(r + k + di) % ids.length]!;
            if (!raw.prepare('SELECT 1 FROM outlets WHERE id = ?').get(id)) continue;
            oracle.record(raw, 'outlets', id, ['name', 'staff_count'], () =>
              raw.prepare('UPDATE outlets SET name = ?, staff_count = ? WHERE id = ?').run(`设备${di}第${r}轮`, r * 10 + k, id),
            );
          }
          captured += (raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
          setMetaRaw(raw, 'sync_hq_url', urls[(r + di) % 2]!);
          await d.sync({ pushBatch: 2 });
        }
      }),
    );
    for (let round = 0; round < 2; round++) for (const [i, d] of devs.entries()) {
      setMetaRaw(d.store.raw, 'sync_hq_url', urls[i % 2]!);
      await d.sync();
    }
    const tables = ['outlets'];
    for (const d of devs.slice(1)) expect(snapshot(d.store.raw, tables)).toEqual(snapshot(devs[0]!.store.raw, tables));
    // Exactly once: one stored answer per write each device made; versions unique; one record per loss.
    const writes = await sql<{ n: number }>`SELECT count(*) AS n FROM hq_writes`.execute(hq.store.db);
    const made = new Set(oracle.writes.map((w) => w.hlc)).size;
    expect(Number(writes.rows[0]!.n)).toBe(made);
    expect(captured).toBeGreaterThan(0);
    const dupVersions = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT version FROM hq_rows GROUP BY version HAVING count(*) > 1) x`.execute(hq.store.db);
    expect(Number(dupVersions.rows[0]!.n)).toBe(0);
    const conflicts = await sql<{ n: number }>`SELECT count(*) AS n FROM hq_conflicts WHERE deleted = 0`.execute(hq.store.db);
    expect(Number(conflicts.rows[0]!.n)).toBe(oracle.conflictCount());
    for (const d of devs) expect((d.store.raw.prepare('SELECT count(*) AS n FROM sync_conflicts').get() as { n: number }).n).toBe(oracle.conflictCount());
    for (const w of oracle.writes.filter((x) => x.col === 'name')) {
      expect((await heldCells(hq.store.db, null, w.rowId)).name![1] >= w.hlc).toBe(true);
    }
  } finally {
    for (const d of devs) await d.cleanup();
  }
}
