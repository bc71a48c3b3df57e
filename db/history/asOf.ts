// Rows as they stood at an earlier instant, rewound from record history (db/migrations/2026_12_05_history.ts):
// a past period's warning board judges the org tree of its own time, not today's. Only the history
// written after the instant is read (index record_history_tbl_hlc). A row the history never saw
// change (older than the history feature, or untouched since) keeps today's values: nothing else
// on the device says what it was.
import { sql } from 'kysely';
import { HLC_MS_DIGITS } from '../../shared/sync/hlc.js';
import type { Db } from '../context.js';

/** A row as SQLite returns it: raw column names, `deleted` included so a soft delete can be undone. */
export type Row = { id: string; deleted?: number } & Record<string, unknown>;

export interface Change {
  id: number;
  row_id: string;
  op: string;
  col: string;
  old_value: string | null;
  new_value: string | null;
  hlc: string;
}

/** The first millisecond after a Beijing day: a period "as of" its last day includes all of that day. */
export function endOfBeijingDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`not a day: ${day}`);
  return ms + 86_400_000;
}

/** Stamps compare as text and start with their milliseconds in hex (shared/sync/hlc.ts). */
export const hlcFloor = (ms: number): string => ms.toString(16).padStart(HLC_MS_DIGITS, '0');

const parse = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

/**
 * Rewinds rows through the changes made after the instant (all of them, oldest first): a row
 * created after it is gone; every other field takes the old value of its earliest later change; a
 * deletion after it is undone (a delete counts as `deleted` 0 → 1). `today` must hold every row the
 * changes name that still exists (with its `deleted` flag); `gone` the last known state of rows
 * removed outright since. Rows the changes do not name come back as they are.
 */
export function rewind<R extends Row>(today: readonly R[], changes: readonly Change[], gone: ReadonlyMap<string, R> = new Map()): R[] {
  const byRow = new Map<string, Change[]>();
  for (const c of changes) (byRow.get(c.row_id) ?? byRow.set(c.row_id, []).get(c.row_id)!).push(c);
  const out: R[] = [];
  const seen = new Set<string>();
  const apply = (row: R): void => {
    seen.add(row.id);
    const list = byRow.get(row.id);
    if (!list) return void out.push(row);
    if (list[0]!.op === 'insert') return; // did not exist yet
    const back: Record<string, unknown> = { ...row };
    const done = new Set<string>();
    for (const c of list) {
      const col = c.op === 'delete' ? 'deleted' : c.col;
      if (c.op === 'insert' || done.has(col)) continue;
      done.add(col);
      back[col] = c.op === 'delete' ? 0 : parse(c.old_value);
    }
    out.push(back as R);
  };
  for (const r of today) apply(r);
  for (const [id, r] of gone) if (!seen.has(id)) apply(r);
  return out;
}

/** Every change to `tbl` stamped at or after `at` (ms), oldest first. */
export async function changesAfter(db: Db, tbl: string, at: number): Promise<Change[]> {
  return (await sql<Change>`
    SELECT id, row_id, op, col, old_value, new_value, hlc FROM record_history
    WHERE tbl = ${tbl} AND hlc >= ${hlcFloor(at)} ORDER BY hlc, id`.execute(db)).rows;
}

/** The last state history knows of rows no longer in the table (created, changed, then removed). */
export async function lastKnown<R extends Row>(db: Db, tbl: string, ids: readonly string[]): Promise<Map<string, R>> {
  const out = new Map<string, R>();
  if (!ids.length) return out;
  const rows = (await sql<Change>`
    SELECT id, row_id, op, col, old_value, new_value, hlc FROM record_history
    WHERE tbl = ${tbl} AND row_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY hlc, id`.execute(db)).rows;
  for (const c of rows) {
    const cur = out.get(c.row_id);
    if (c.op === 'insert') {
      const v = parse(c.new_value);
      if (v && typeof v === 'object') out.set(c.row_id, { ...(v as Record<string, unknown>), id: c.row_id, deleted: 0 } as R);
    } else if (cur && c.op === 'update') (cur as Record<string, unknown>)[c.col] = parse(c.new_value);
    else if (cur && c.op === 'delete') (cur as Record<string, unknown>).deleted = 1;
  }
  return out;
}

/** Loads rows by id whatever their state (deleted, outside the scope): the ones a rewind may bring back. */
export type ById<R extends Row> = (ids: string[]) => Promise<R[]>;

/**
 * `today` (rows loaded with the caller's filters) as they stood at `at`, with rows that changed
 * since fetched whatever their state now (rows `want` refuses stay as they are). The caller applies its filters again (deleted, scope,
 * level…) to the result: they are about the past now. Null when nothing changed since: `today` stands.
 */
export async function rowsAsOf<R extends Row>(db: Db, tbl: string, today: readonly R[], at: number, byId: ById<R>, want?: (id: string) => boolean): Promise<R[] | null> {
  // `want`: the only rows the caller asks about (its other changes need no fetching).
  const changes = (await changesAfter(db, tbl, at)).filter((c) => !want || want(c.row_id));
  if (!changes.length) return null;
  const have = new Set(today.map((r) => r.id));
  const missing = [...new Set(changes.map((c) => c.row_id))].filter((id) => !have.has(id));
  const more = missing.length ? await byId(missing) : [];
  const found = new Set(more.map((r) => r.id));
  const gone = await lastKnown<R>(db, tbl, missing.filter((id) => !found.has(id)));
  return rewind([...today, ...more], changes, gone);
}

/**
 * The stamp this device's record history begins with (its first row: the first change captured
 * here or the oldest fetched from HQ, which come oldest first); null before any. Before it, what
 * changed is not known: a rewind to an earlier instant would mix two times.
 */
export async function historyStart(db: Db): Promise<string | null> {
  const r = (await sql<{ hlc: string }>`SELECT hlc FROM record_history ORDER BY id LIMIT 1`.execute(db)).rows[0];
  return r?.hlc ?? null;
}

/** A stamp's Beijing day. */
export const beijingDay = (hlc: string): string => new Date(parseInt(hlc.slice(0, HLC_MS_DIGITS), 16) + 8 * 3_600_000).toISOString().slice(0, 10);
