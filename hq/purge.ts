// Purging tombstones. A deleted row stays at HQ (as `deleted` = 1) until no device may still hold
// it live: every non-revoked device that sees its scope has acknowledged its last version, and it is
// older than a minimum age. Then the row and everything HQ keeps for it go, leaving one line in
// hq_purged, so that a late write to it is refused with a reason (hq/merge.ts) rather than applied
// to nothing. A new device's first sync no longer downloads it.
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { hlcMs } from '../shared/sync/hlc.js';
import { blockers, Holders, type Holder, type Move } from './holders.js';
import { readCells, type Cell } from './cells.js';
import { insertMany } from './rowset.js';
import type { HqDB } from './schema.js';
import { num, tombstoneTest, type HqStore } from './store.js';

export const DAY_MS = 86_400_000;
export const PURGE_DEFAULTS = { minAgeMs: 30 * DAY_MS, batch: 500, everyMs: 60 * 60_000 } as const;

/** Taken (per transaction) by whoever purges on PostgreSQL, so that two HQ processes never purge at once. */
const PURGE_LOCK = 7302;

/**
 * Records that a device has stored every change up to `applied`, before it is sent anything (its
 * first call also records HQ's head then: the device never saw a row as it was before). Call it only
 * with a cursor the device has committed: a pull's `since` (its `cursor` may be a chunk still held
 * in memory, lost if the device stops before applying it). Monotone; never above HQ's head.
 */
export async function noteAcknowledged(store: HqStore, deviceId: string, applied: number, now = Date.now()): Promise<void> {
  const head = sql`(SELECT version FROM hq_counter WHERE id = 1)`;
  const v = sql`CASE WHEN CAST(${applied} AS BIGINT) > ${head} THEN ${head} ELSE CAST(${applied} AS BIGINT) END`;
  await sql`UPDATE hq_devices SET last_pull_at = ${new Date(now).toISOString()}, first_pull_version = COALESCE(first_pull_version, ${head}),
    acked_version = CASE WHEN acked_version IS NULL OR acked_version < ${v} THEN ${v} ELSE acked_version END
    WHERE device_id = ${deviceId}`.execute(store.db);
}

export interface PurgeOptions {
  /** A tombstone stays until its newest stamp is at least this old. */
  minAgeMs?: number;
  now?: number;
  /** Report what would go; change nothing. */
  dryRun?: boolean;
  /** Tombstones looked at per transaction (the writer lock is held that long). */
  batch?: number;
}

export interface Blocker extends Holder {
  /** Tombstones this device holds back. */
  rows: number;
}

export interface PurgeReport {
  dryRun: boolean;
  /** Another HQ process was purging: this one stopped (what it did so far is reported). */
  busy: boolean;
  tombstones: number;
  tooYoung: number;
  held: number;
  /** Rows purged (or that would be), per table. */
  purged: Record<string, number>;
  /** Per-row data purged with them. */
  history: number;
  conflicts: number;
  moves: number;
  files: number;
  blockers: Blocker[];
}

interface Tombstone {
  tbl: string;
  rowId: string;
  scope: string;
  version: number;
  cells: Record<string, Cell>;
}

type Db = Kysely<HqDB>;

const newestStamp = (cells: Record<string, Cell>): number => Math.max(0, ...Object.values(cells).map((c) => hlcMs(c[1])));

function byTable<T extends { tbl: string; rowId: string }>(list: T[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of list) (out.get(t.tbl) ?? out.set(t.tbl, []).get(t.tbl)!).push(t.rowId);
  return out;
}

/** Conflict records take versions after their row's, and may change without it: the row is done only when they are. */
async function conflictVersions(db: Db, list: Tombstone[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [tbl, ids] of byTable(list)) {
    const r = await db
      .selectFrom('hq_conflicts')
      .select((eb) => ['row_id', eb.fn.max('version').as('v')])
      .where('tbl', '=', tbl)
      .where('row_id', 'in', ids)
      .groupBy('row_id')
      .execute();
    for (const x of r) out.set(`${tbl}\u0000${x.row_id}`, num(x.v));
  }
  return out;
}

async function movesOf(db: Db, list: Tombstone[]): Promise<Map<string, Move[]>> {
  const out = new Map<string, Move[]>();
  for (const [tbl, ids] of byTable(list)) {
    const r = await db.selectFrom('hq_moves').select(['row_id', 'version', 'old_scope']).where('tbl', '=', tbl).where('row_id', 'in', ids).execute();
    for (const x of r) {
      const k = `${tbl}\u0000${x.row_id}`;
      (out.get(k) ?? out.set(k, []).get(k)!).push({ version: num(x.version), oldScope: x.old_scope });
    }
  }
  return out;
}

/** Deletes the rows and what HQ keeps for them; remembers their ids. Returns the counts. */
async function remove(trx: Transaction<HqDB>, list: Tombstone[], now: number): Promise<{ history: number; conflicts: number; moves: number; files: number }> {
  const n = { history: 0, conflicts: 0, moves: 0, files: 0 };
  const at = new Date(now).toISOString();
  await insertMany(trx, 'hq_purged (tbl, row_id, version, purged_at)', list.map((t) => [t.tbl, t.rowId, t.version, at]), 'ON CONFLICT DO NOTHING');
  for (const [tbl, ids] of byTable(list)) {
    const drop = async (table: 'hq_rows' | 'hq_cell_history' | 'hq_conflicts' | 'hq_moves') =>
      Number((await trx.deleteFrom(table).where('tbl', '=', tbl).where('row_id', 'in', ids).executeTakeFirst()).numDeletedRows);
    await drop('hq_rows');
    n.history += await drop('hq_cell_history');
    n.conflicts += await drop('hq_conflicts');
    n.moves += await drop('hq_moves');
  }
  n.files = await dropUnnamedFiles(trx, list);
  return n;
}

/**
 * Files of purged attachment rows that no remaining row names. Nobody could fetch them already (a
 * deleted row names no file, hq/blobs.ts); a push naming one again waits for this transaction (it
 * holds the writer lock) and then finds it missing, so its device uploads it again.
 */
async function dropUnnamedFiles(trx: Transaction<HqDB>, list: Tombstone[]): Promise<number> {
  const hashes = new Set<string>();
  for (const t of list) {
    if (t.tbl !== 'attachments') continue;
    for (const col of ['sha256', 'thumb_sha256']) {
      const h = t.cells[col]?.[0];
      if (typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) hashes.add(h);
    }
  }
  const all = [...hashes];
  let n = 0;
  for (let i = 0; i < all.length; i += 50) {
    const part = all.slice(i, i + 50);
    const r = await trx
      .selectFrom('hq_rows')
      .select('cells')
      .where('tbl', '=', 'attachments')
      .where((eb) => eb.or(part.map((h) => eb('cells', 'like', `%${h}%`))))
      .execute();
    const named = new Set<string>();
    for (const row of r) {
      const c = JSON.parse(row.cells) as Record<string, Cell | undefined>;
      for (const col of ['sha256', 'thumb_sha256']) if (typeof c[col]?.[0] === 'string') named.add(c[col]![0] as string);
    }
    const gone = part.filter((h) => !named.has(h));
    if (!gone.length) continue;
    n += Number((await trx.deleteFrom('hq_blobs').where('sha256', 'in', gone).executeTakeFirst()).numDeletedRows);
    await trx.deleteFrom('hq_blob_parts').where('sha256', 'in', gone).execute();
    await trx.deleteFrom('hq_blob_holders').where('sha256', 'in', gone).execute();
  }
  return n;
}

/**
 * One batch of tombstones after version `after`: decides each, purges them through `write` (none in a
 * dry run), counts. Returns the last version looked at, or null when there are no more.
 */
async function batchAfter(
  db: Db, write: Transaction<HqDB> | null, store: HqStore, after: number, o: Required<PurgeOptions>, report: PurgeReport, blocked: Map<string, Blocker>,
): Promise<number | null> {
  const r = await db
    .selectFrom('hq_rows')
    .select(['tbl', 'row_id', 'scope_path', 'cells', 'stamps', 'version'])
    .where(sql.raw<SqlBool>(tombstoneTest(store.dialect)))
    .where('version', '>', after)
    .orderBy('version')
    .limit(o.batch)
    .execute();
  if (!r.length) return null;
  const cutoff = o.now - o.minAgeMs;
  const old: Tombstone[] = [];
  for (const x of r) {
    const cells = readCells(x.cells, x.stamps);
    if (cells.deleted?.[0] !== 1) continue;
    report.tombstones++;
    if (newestStamp(cells) > cutoff) report.tooYoung++;
    else old.push({ tbl: x.tbl, rowId: x.row_id, scope: x.scope_path, version: num(x.version), cells });
  }
  const holders = await Holders.load(db);
  const [cv, mv] = old.length ? await Promise.all([conflictVersions(db, old), movesOf(db, old)]) : [new Map<string, number>(), new Map<string, Move[]>()];
  const go: Tombstone[] = [];
  for (const t of old) {
    const k = `${t.tbl}\u0000${t.rowId}`;
    const who = blockers(holders, t.tbl, t.scope, Math.max(t.version, cv.get(k) ?? 0), mv.get(k) ?? []);
    if (!who.length) {
      go.push(t);
      continue;
    }
    report.held++;
    for (const h of who) {
      const b = blocked.get(h.deviceId) ?? blocked.set(h.deviceId, { ...h, rows: 0 }).get(h.deviceId)!;
      b.rows++;
    }
  }
  for (const t of go) report.purged[t.tbl] = (report.purged[t.tbl] ?? 0) + 1;
  if (go.length && write) {
    const n = await remove(write, go, o.now);
    for (const k of ['history', 'conflicts', 'moves', 'files'] as const) report[k] += n[k];
  }
  return num(r.at(-1)!.version);
}

/**
 * Purges every tombstone no device may still hold live, a batch per transaction. Each batch holds
 * the writer lock, so no push changes a row while it is decided and removed (and a push after it
 * sees hq_purged). A pull already reading (PostgreSQL: its snapshot) may still send a tombstone
 * being purged: a device that gets one holds a deleted row, which is what it would have held anyway.
 */
export async function purgeTombstones(store: HqStore, opts: PurgeOptions = {}): Promise<PurgeReport> {
  const o: Required<PurgeOptions> = {
    minAgeMs: opts.minAgeMs ?? PURGE_DEFAULTS.minAgeMs, now: opts.now ?? Date.now(), dryRun: opts.dryRun ?? false, batch: opts.batch ?? PURGE_DEFAULTS.batch,
  };
  const report: PurgeReport = { dryRun: o.dryRun, busy: false, tombstones: 0, tooYoung: 0, held: 0, purged: {}, history: 0, conflicts: 0, moves: 0, files: 0, blockers: [] };
  const blocked = new Map<string, Blocker>();
  let after: number | null = 0;
  while (after !== null) {
    const from: number = after;
    if (o.dryRun) {
      after = await batchAfter(store.db, null, store, from, o, report, blocked);
      continue;
    }
    after = await store.db.transaction().execute(async (trx) => {
      if (store.dialect === 'pg') {
        const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK}) AS ok`.execute(trx);
        if (!got.rows[0]?.ok) {
          report.busy = true;
          return null;
        }
      }
      await sql`UPDATE hq_counter SET version = version WHERE id = 1`.execute(trx); // the writer lock (hq/push.ts)
      return batchAfter(trx, trx, store, from, o, report, blocked);
    });
  }
  report.blockers = [...blocked.values()].sort((a, b) => b.rows - a.rows || a.acked - b.acked);
  return report;
}

/** Purges now and then from a serving process; a failure is logged and tried again next time. Stopping waits for a purge under way. */
export function schedulePurge(store: HqStore, opts: { everyMs?: number; minAgeMs?: number; log?: (line: string) => void } = {}): () => Promise<void> {
  const every = opts.everyMs ?? PURGE_DEFAULTS.everyMs;
  const log = opts.log ?? ((l: string) => console.log(l));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = once();
  };
  const once = async () => {
    try {
      const r = await purgeTombstones(store, { minAgeMs: opts.minAgeMs });
      const total = Object.values(r.purged).reduce((a, b) => a + b, 0);
      if (total || r.held) log(`[hq] purge: ${total} deleted rows purged, ${r.held} held back by ${r.blockers.length} device(s)${r.busy ? ' (another HQ process was purging)' : ''}`);
    } catch (e) {
      log(`[hq] purge failed: ${(e as Error).message}`);
    }
    if (!stopped) (timer = setTimeout(run, every)).unref();
  };
  // The first soon after start, so that a process restarted more often than hourly still purges.
  (timer = setTimeout(run, Math.min(every, 60_000))).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
