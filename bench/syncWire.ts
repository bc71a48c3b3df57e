// Bytes on the wire per changed cell (compressed as sent, and the same bodies decoded), and the
// physical ceiling of a first sync's apply: the same rows inserted into tables that have nothing
// but a primary key (no other index, no trigger, no check).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { syncOnce } from '../db/sync/session.js';
import type { Bench } from './harness.js';
import { countingTransport, tempDevice, type BenchHq } from './syncFixtures.js';

/** Milliseconds to insert `rows` once into primary-key-only tables of a fresh file, as the device store is set up (WAL). */
export function plainInsertMs(rows: Map<string, Record<string, unknown>[]>): number {
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-plain-'));
  const db = new Database(join(dir, 'plain.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    for (const [table, list] of rows) {
      const cols = Object.keys(list[0]!);
      db.exec(`CREATE TABLE "${table}" (${cols.map((c) => (c === 'id' ? '"id" TEXT PRIMARY KEY' : `"${c}"`)).join(', ')})`);
    }
    const t = performance.now();
    db.transaction(() => {
      for (const [table, list] of rows) {
        const cols = Object.keys(list[0]!);
        const stmt = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        for (const r of list) stmt.run(...cols.map((c) => r[c] ?? null));
      }
    })();
    return performance.now() - t;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds to insert `rows` into primary-key-only tables of a fresh file (best of 2), as the device store is set up (WAL). */
export async function plainCeiling(b: Bench, rows: Map<string, Record<string, unknown>[]>): Promise<number> {
  const times = [plainInsertMs(rows), plainInsertMs(rows)];
  b.record('plain-table insert ceiling (primary key only)', times);
  return Math.min(...times) / 1000;
}

/** 500 cells edited on one device, pushed, pulled by another. */
export async function bytesPerCell(b: Bench, hq: BenchHq): Promise<void> {
  const counter = countingTransport();
  const a = await tempDevice();
  const z = await tempDevice();
  try {
    await hq.enrol(a, 'county_organiser', '/hq/');
    await hq.enrol(z, 'county_organiser', '/hq/');
    await syncOnce(a.dev);
    await syncOnce(z.dev);
    const ids = (a.raw.prepare(`SELECT id FROM outlets ORDER BY id LIMIT 250`).all() as { id: string }[]).map((r) => r.id);
    const upd = a.raw.prepare('UPDATE outlets SET name = name || ?, staff_count = staff_count + 1 WHERE id = ?');
    for (const id of ids) upd.run('·改', id);
    const cells = ids.length * 2;
    counter.reset();
    await syncOnce(a.dev, { transport: counter.transport });
    await counter.settle();
    const push = { wire: counter.sent, plain: counter.sentPlain };
    counter.reset();
    await syncOnce(z.dev, { transport: counter.transport });
    await counter.settle();
    const pull = { wire: counter.received, plain: counter.receivedPlain };
    const values = ids.reduce((n, id) => n + JSON.stringify(a.raw.prepare('SELECT name, staff_count FROM outlets WHERE id = ?').get(id) as object).length, 0);
    const per = (n: number) => `${(n / cells).toFixed(0)} B`;
    b.figure('bytes per changed cell, push (request bodies), compressed', `${per(push.wire)} (${cells} cells in ${ids.length} rows; must ≤ 40 B); uncompressed ${per(push.plain)}`);
    b.figure('bytes per changed cell, pull (response bodies), compressed', `${per(pull.wire)} (must ≤ 40 B); uncompressed ${per(pull.plain)}`);
    b.figure('…for comparison, the changed values alone as JSON', `${(values / cells).toFixed(0)} B per cell`);
  } finally {
    await a.close();
    await z.close();
  }
}
