// Pull: everything visible to the device with a version above its cursor, in bounded chunks.
// The chunk ends at a version boundary; the device applies it and stores the returned cursor in
// one transaction. Rows that left the device's scope come as drops; conflict records as well.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { hlcNode } from '../shared/sync/hlc.js';
import { LIMITS, type CellValue, type PullAnswer, type WireConflict, type WireDrop, type WireRow } from '../shared/sync/protocol.js';
import { isDeclaredColumn } from '../shared/sync/columns.js';
import { isWithheld, privateRowColumns, redactFor } from '../shared/sync/privacy.js';
import { ancestorPaths, INHERITED_TABLES, isVisible } from '../shared/sync/tables.js';
import type { Actor } from './merge.js';

/**
 * Who a pull is for. Not the user's name: what a pull sends never depends on it, so first-sync
 * snapshots are shared by every device of one kind (hq/snapshot/cache.ts recipientKey) — a rule
 * that wanted the name would have to add it here, and the snapshot key would follow.
 */
export type PullActor = Omit<Actor, 'userName'>;
import { readCells, type Cell } from './cells.js';
import type { HqDB } from './schema.js';
import { num, type HqStore } from './store.js';

const END = '\uffff';

function scopeFilter(scope: string) {
  const anc = ancestorPaths(scope);
  const inherited = [...INHERITED_TABLES];
  return sql<SqlBool>`((scope_path >= ${scope} AND scope_path < ${scope + END}) OR (tbl IN (${sql.join(inherited)}) AND scope_path IN (${sql.join(anc)})))`;
}

/** The cells of a row the device does not have yet: all of them if the row is new to it. */
function wireRow(tbl: string, rowId: string, v: number, cells: Record<string, Cell>, since: number, whole: boolean, actor: PullActor): WireRow | null {
  if (isWithheld(actor.role, tbl)) return null; // a negative outcome: not even its existence
  const deviceId = actor.deviceId;
  const c: Record<string, CellValue> = {};
  const stamps: Record<string, string> = {};
  const count = new Map<string, number>();
  const hidden = privateRowColumns(actor.role, tbl, cells.source?.[0]);
  for (const [col, cell] of Object.entries(cells)) {
    if (!whole && (cell[2] <= since || hlcNode(cell[1]) === deviceId)) continue; // not changed since, or its own write
    if (!isDeclaredColumn(tbl, col)) continue; // stored before HQ refused undeclared columns: never served
    c[col] = hidden.includes(col) ? null : redactFor(actor, tbl, col, cell[0], cells); // the actor: a secretary's device is a viewer (hq/duesReveal.ts)
    stamps[col] = cell[1];
    count.set(cell[1], (count.get(cell[1]) ?? 0) + 1);
  }
  if (!count.size) return null;
  let h = '';
  let best = -1;
  for (const [k, n] of count) {
    if (n > best) {
      h = k;
      best = n;
    }
  }
  const hx: Record<string, string> = {};
  for (const [col, s] of Object.entries(stamps)) if (s !== h) hx[col] = s;
  // Built whole, `v` last as before: adding it by spreading cost ~1 µs a row served.
  return Object.keys(hx).length ? { t: tbl, id: rowId, h, c, hx, v } : { t: tbl, id: rowId, h, c, v };
}

/** About the length of a row's JSON (strings counted unescaped), without building it: 23 MB less to serialise in a first sync. */
function rowLength(r: WireRow): number {
  let n = 40 + r.t.length + r.id.length + r.h.length;
  for (const col in r.c) {
    const v = r.c[col];
    n += col.length + 4 + (typeof v === 'string' ? v.length + 2 : v === null ? 4 : String(v).length);
  }
  if (r.hx) for (const col in r.hx) n += col.length + r.hx[col]!.length + 6;
  return n;
}

/**
 * `tables`: only these (a device re-pulling, after an upgrade, what its former version did not have: db/sync/backfill.ts).
 * `maxBytes`: the answer's bound; a first sync's snapshot (hq/snapshot/) reads with larger chunks than travel over HTTP.
 */
export async function pull(store: HqStore, actor: PullActor, cursor: number, limit: number = LIMITS.pullRows, since = cursor, tables?: string[], maxBytes: number = LIMITS.pullBytes): Promise<PullAnswer> {
  const ask = { scope: actor.scopePath, cursor, limit, tables };
  // One snapshot for the counter and the rows: read separately, a push committing in between could
  // move a row from below upTo to above it, and the device would pass it by (its next pull then
  // brings only the cells changed since, of a row it never had). SQLite: a transaction (no round
  // trips to save). PostgreSQL: one statement reads both, with no BEGIN and COMMIT around it.
  const read = store.dialect === 'pg' ? await readOnPg(store.db, ask) : await store.db.transaction().execute((trx) => readInTransaction(trx, ask));
  return answer(read, actor, cursor, limit, since, maxBytes);
}

interface Ask {
  scope: string;
  cursor: number;
  limit: number;
  tables?: string[];
}

type RowRead = { tbl: string; row_id: string; cells: string; stamps: string | null; version: number | string; scope_version: number | string };
type MoveRead = { version: number | string; tbl: string; row_id: string; old_scope: string; new_scope: string };
type ConflictRead = Selectable<HqDB['hq_conflicts']>;
interface Read {
  upTo: number;
  rows: RowRead[];
  moves: MoveRead[];
  conflicts: ConflictRead[];
}

const rowsQuery = (db: Kysely<HqDB>, { scope, cursor, limit, tables }: Ask, upTo: number | RawBuilder<number>) =>
  db.selectFrom('hq_rows').select(['tbl', 'row_id', 'cells', 'stamps', 'version', 'scope_version'])
    .where('version', '>', cursor).where('version', '<=', upTo).where(scopeFilter(scope)).$if(!!tables, (q) => q.where('tbl', 'in', tables!)).orderBy('version').limit(limit);

/**
 * Moves and conflict records up to `upTo`. Outside the rows' snapshot on PostgreSQL, and still
 * whole: every version up to upTo had committed when the counter read upTo, moves are never
 * rewritten, and a conflict record rewritten since is sent whole at its new version by a later pull.
 */
const movesAndConflicts = (db: Kysely<HqDB>, { scope, cursor, limit, tables }: Ask, upTo: number) =>
  Promise.all([
    db.selectFrom('hq_moves').select(['version', 'tbl', 'row_id', 'old_scope', 'new_scope'])
      .where('version', '>', cursor).where('version', '<=', upTo).$if(!!tables, (q) => q.where('tbl', 'in', tables!)).orderBy('version').limit(limit).execute(),
    db.selectFrom('hq_conflicts').selectAll()
      .where('version', '>', cursor).where('version', '<=', upTo).where(scopeFilter(scope)).$if(!!tables, (q) => q.where('tbl', 'in', tables!)).orderBy('version').limit(limit).execute(),
  ]);

async function readInTransaction(db: Transaction<HqDB>, ask: Ask): Promise<Read> {
  // Raw on purpose: test/sync/pullSnapshot.ts lands a push right after this read, recognising it by its text.
  const upTo = num((await sql<{ version: number | string }>`SELECT version FROM hq_counter WHERE id = 1`.execute(db)).rows[0]!.version);
  if (ask.cursor >= upTo) return { upTo, rows: [], moves: [], conflicts: [] };
  const [rows, [moves, conflicts]] = await Promise.all([rowsQuery(db, ask, upTo).execute(), movesAndConflicts(db, ask, upTo)]);
  return { upTo, rows, moves, conflicts };
}

async function readOnPg(db: Kysely<HqDB>, ask: Ask): Promise<Read> {
  // The counter and the rows below it in one statement (test/sync/pullSnapshot.ts recognises it by its start).
  const r = await sql<RowRead & { up_to: number | string }>`SELECT c.version AS up_to, r.* FROM hq_counter c LEFT JOIN LATERAL (${rowsQuery(db, ask, sql<number>`c.version`)}) r ON true WHERE c.id = 1`.execute(db);
  const upTo = num(r.rows[0]!.up_to);
  const rows = r.rows.filter((x) => x.row_id !== null);
  if (ask.cursor >= upTo) return { upTo, rows: [], moves: [], conflicts: [] };
  const [moves, conflicts] = await movesAndConflicts(db, ask, upTo);
  return { upTo, rows, moves, conflicts };
}

function answer({ upTo, rows, moves, conflicts }: Read, actor: PullActor, cursor: number, limit: number, since: number, maxBytes: number): PullAnswer {
  const hqTime = Date.now();
  if (cursor >= upTo) return { hqTime, rows: [], drops: [], conflicts: [], cursor: upTo, more: false };
  const scope = actor.scopePath;
  // A full stream may have more beyond its last version: the chunk ends there.
  let end = upTo;
  for (const s of [rows, moves, conflicts]) if (s.length === limit) end = Math.min(end, num(s.at(-1)!.version));

  type Ev = { v: number; row?: WireRow; drop?: WireDrop; conflict?: WireConflict };
  const evs: Ev[] = [];
  for (const r of rows) {
    const v = num(r.version);
    if (v > end) continue;
    const row = wireRow(r.tbl, r.row_id, v, readCells(r.cells, r.stamps), since, num(r.scope_version) > since, actor);
    if (row) evs.push({ v, row });
  }
  for (const m of moves) {
    const v = num(m.version);
    if (v <= end && isVisible(m.tbl, m.old_scope, scope) && !isVisible(m.tbl, m.new_scope, scope)) evs.push({ v, drop: { v, t: m.tbl, id: m.row_id } });
  }
  const val = (x: string | null, tbl: string, col: string) => (x === null ? null : redactFor(actor.role, tbl, col, JSON.parse(x) as CellValue));
  for (const c of conflicts) {
    const v = num(c.version);
    if (v > end || isWithheld(actor.role, c.tbl)) continue;
    evs.push({
      v,
      conflict: {
        v, id: c.id, t: c.tbl, r: c.row_id, col: c.col, p: c.scope_path, deleted: num(c.deleted) === 1,
        loser: { value: val(c.loser_value, c.tbl, c.col), hlc: c.loser_hlc, device: hlcNode(c.loser_hlc), user: c.loser_user },
        winner: { value: val(c.winner_value, c.tbl, c.col), hlc: c.winner_hlc, device: hlcNode(c.winner_hlc), user: c.winner_user },
      },
    });
  }
  evs.sort((a, b) => a.v - b.v);
  // Bound the answer's size too: cut after the version where it passes the limit.
  let bytes = 0;
  let cut = evs.length;
  for (let i = 0; i < evs.length; i++) {
    const e = evs[i]!;
    bytes += e.row ? rowLength(e.row) : JSON.stringify(e.drop ?? e.conflict).length;
    if (bytes > maxBytes && i + 1 < evs.length) {
      cut = i + 1;
      end = evs[i]!.v;
      break;
    }
  }
  const kept = evs.slice(0, cut);
  return {
    hqTime,
    rows: kept.flatMap((e) => (e.row ? [e.row] : [])),
    drops: kept.flatMap((e) => (e.drop ? [e.drop] : [])),
    conflicts: kept.flatMap((e) => (e.conflict ? [e.conflict] : [])),
    cursor: end,
    more: end < upTo,
  };
}
