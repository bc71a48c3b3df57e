// Per-connection sync state: the device's hybrid logical clock and the capture switch. The SQL
// functions the capture triggers call are registered on every connection db/open.ts opens, so
// no code path (Kysely, raw statements, the generator) can write a synced table unseen.
import type Database from 'better-sqlite3';
import { Hlc } from '../../shared/sync/hlc.js';
import type { Session } from '../context.js';
import { registerHistorySqlFunctions, type LastChanges } from '../history/functions.js';

/** A device's store as sync sees it: the raw connection and who works on it. */
export interface Device {
  raw: Database.Database;
  session: Session;
}

export interface SyncState {
  /** null until the store is migrated and its device id known; writes are not captured before. */
  clock: Hlc | null;
  /** > 0 while sync applies remote changes or a bulk load runs: nothing is captured. */
  suppressed: number;
  /** The device's own clock (tests move it days away to prove clock safety). */
  physicalNow: () => number;
}

const states = new WeakMap<Database.Database, SyncState>();

export function syncState(raw: Database.Database): SyncState | undefined {
  return states.get(raw);
}

/** Registers sync_capture(), sync_changed(), sync_last() and sync_hlc(); called by openRaw for every connection. */
export function registerSyncFunctions(raw: Database.Database): void {
  const state: SyncState = { clock: null, suppressed: 0, physicalNow: () => Date.now() };
  states.set(raw, state);
  raw.function('sync_capture', { deterministic: false }, () => (state.clock && state.suppressed === 0 ? 1 : 0));
  // sync_changed('name1,name2,…', old1, new1, old2, new2, …): the columns whose value changed as a
  // JSON object in column order, or NULL when none did. The names travel as one literal and the
  // capture trigger calls it once, in its WHERE, reading the result back with sync_last(): an UPDATE
  // compiles its triggers every time it is prepared (Kysely prepares every statement), and a
  // subquery's `j IS NOT NULL` was pushed down into it, so the old form ran and compiled it twice.
  // Integers arrive as BigInt (exact beyond 2^53); an integer and a real of equal value are the same, as in SQL.
  const names = new Map<string, string[]>();
  let lastJson: string | null = null;
  let lastChanges: LastChanges = { names: [], args: [], changed: [] };
  raw.function('sync_changed', { varargs: true, deterministic: false, safeIntegers: true }, (...a: unknown[]) => {
    const list = a[0] as string;
    let cols = names.get(list);
    if (!cols) names.set(list, (cols = list.split(',')));
    let out = '';
    const changed: number[] = [];
    for (let i = 1; i < a.length; i += 2) {
      const was = a[i];
      const v = a[i + 1];
      if (was === v) continue; // a NULL is a value, as with IS
      const tv = typeof v;
      if ((tv === 'bigint' || tv === 'number') && (typeof was === 'bigint' || typeof was === 'number') && was == v) continue;
      if (tv === 'object' && v !== null) throw new TypeError('JSON cannot hold BLOB values');
      out += `,${JSON.stringify(cols[(i - 1) / 2])}:${v === null ? 'null' : tv === 'bigint' ? String(v) : JSON.stringify(v)}`;
      changed.push(i);
    }
    lastChanges = { names: cols, args: a, changed }; // the trigger's next statement records these in history (old → new)
    return (lastJson = out ? `{${out.slice(1)}}` : null);
  });
  raw.function('sync_last', { deterministic: false }, () => lastJson);
  registerHistorySqlFunctions(raw, () => state.clock?.high() ?? '', () => lastChanges); // record history (db/history/triggers.ts)
  raw.function('sync_hlc', { deterministic: false }, () => {
    if (!state.clock) throw new Error('sync clock not started');
    return state.clock.tick();
  });
}

const META = { deviceId: 'device_id', hlcHigh: 'sync_hlc_high', offset: 'sync_clock_offset' } as const;

function meta(raw: Database.Database, key: string): string | null {
  const r = raw.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

export function setMetaRaw(raw: Database.Database, key: string, value: string | null): void {
  if (value === null) raw.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
export const getMetaRaw = meta;

/** The store's schema version: its latest migration's name (names are dated, so they compare). */
export function schemaVersion(raw: Database.Database): string {
  const r = raw.prepare(`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`).get() as { name: string } | undefined;
  return r?.name ?? 'none';
}

/**
 * Starts the clock once the schema is current: the device id (created here when the store is new),
 * the learned offset to HQ's time, and the highest stamp ever issued, so that a clock set back
 * between runs cannot make a new write older than an old one.
 */
export function startSyncClock(raw: Database.Database, newId: () => string): void {
  const state = states.get(raw);
  if (!state || raw.readonly) return;
  let deviceId = meta(raw, META.deviceId);
  if (!deviceId) setMetaRaw(raw, META.deviceId, (deviceId = newId()));
  const clock = new Hlc(deviceId, () => state.physicalNow());
  clock.offset = Number(meta(raw, META.offset) ?? 0) || 0;
  const high = meta(raw, META.hlcHigh);
  if (high) clock.observe(high);
  const last = raw.prepare(`SELECT hlc FROM sync_outbox WHERE hlc <> '' ORDER BY seq DESC LIMIT 1`).get() as { hlc: string } | undefined;
  if (last) clock.observe(last.hlc);
  state.clock = clock;
}

/** Remembers the clock across restarts (called at the end of every sync transaction). */
export function persistClock(raw: Database.Database): void {
  const c = states.get(raw)?.clock;
  if (!c) return;
  setMetaRaw(raw, META.hlcHigh, c.high());
  setMetaRaw(raw, META.offset, String(Math.round(c.offset)));
}

/** This device's physical time (its own clock, not corrected). */
export function deviceNow(raw: Database.Database): number {
  return states.get(raw)?.physicalNow() ?? Date.now();
}

export function clockOf(raw: Database.Database): Hlc {
  const c = states.get(raw)?.clock;
  if (!c) throw new Error('sync clock not started for this store');
  return c;
}

/** Runs fn with change capture off on this connection (sync's own writes; bulk loads). */
export function withoutCapture<T>(raw: Database.Database, fn: () => T): T {
  const state = states.get(raw);
  if (!state) return fn();
  state.suppressed++;
  try {
    return fn();
  } finally {
    state.suppressed--;
  }
}

/** better-sqlite3 is synchronous: wait until no Kysely transaction is open before writing directly. */
export async function whenIdle(raw: Database.Database): Promise<void> {
  while (raw.inTransaction) await new Promise((r) => setTimeout(r, 2));
}
