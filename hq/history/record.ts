// HQ's half of record history: after a push's writes are merged, one call records every applied
// change of the batch — field by field, old value (the row as the push loaded it, or an earlier write
// of the same batch) → new value — chained by hash to the entry before it. The push hands over the rows
// as it loaded them (`HeldRow`), so it records after writing them back, while PostgreSQL stores them;
// without them this reads hq_rows, and must then run before the rows are written back. Set-based:
// batched inserts. Runs inside the push transaction, under the writer lock that serialises pushes,
// so the chain has one order.
import type { Transaction } from 'kysely';
import type { CellValue, WireWrite } from '../../shared/sync/protocol.js';
import { QUIET_COLUMNS } from '../../shared/sync/tables.js';
import { encodeWriter, fromWire } from '../../shared/history/writer.js';
import type { Actor, StoredAnswer } from '../merge.js';
import { insertMany, type Cell } from '../rowset.js';
import type { HqDB } from '../schema.js';
import { num } from '../store.js';
import { GENESIS, linkHash, type ChainFields } from './chain.js';
import { historyDb } from './table.js';

const HISTORY_INTO = 'hq_history (seq, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, prev_hash, hash)';

const key = (t: string, r: string) => `${t}\u0000${r}`;
const enc = (v: CellValue | undefined) => (v === undefined ? null : JSON.stringify(v));

/** A row as HQ held it when the push began: hq/rowset.ts keeps its stored text, so it is not read twice. */
export type HeldRow = (tbl: string, rowId: string) => { scope: string; json: string } | undefined;

const values = (json: string): Record<string, CellValue> => {
  const cells: Record<string, CellValue> = {};
  for (const [c, cell] of Object.entries(JSON.parse(json) as Record<string, Cell>)) cells[c] = cell[0];
  return cells;
};

/** A writer as stored, encoded once per distinct writer of a batch (a device's writes mostly share one). */
function writerCache(): (w: WireWrite['w']) => string | null {
  const seen = new Map<string, string | null>();
  return (w) => {
    if (!w) return null;
    const k = JSON.stringify(w); // unambiguous, whatever a name holds
    let who = seen.get(k);
    if (who === undefined) {
      const writer = fromWire(w);
      seen.set(k, (who = writer ? encodeWriter(writer) : null));
    }
    return who;
  };
}

/** A row's scope and values as this push found them; `borrowed`: the values are a write's own columns. */
type RowBefore = { scope: string; cells: Record<string, CellValue>; borrowed?: boolean };

/** The rows as HQ holds them before this push is written back: scope and values. */
async function before(trx: Transaction<HqDB>, writes: WireWrite[], held?: HeldRow): Promise<Map<string, RowBefore>> {
  const out = new Map<string, RowBefore>();
  if (held) {
    for (const w of writes) {
      const k = key(w.t, w.r);
      const row = out.has(k) ? undefined : held(w.t, w.r);
      if (row) out.set(k, { scope: row.scope, cells: values(row.json) });
    }
    return out;
  }
  const byTable = new Map<string, Set<string>>();
  for (const w of writes) (byTable.get(w.t) ?? byTable.set(w.t, new Set()).get(w.t)!).add(w.r);
  for (const [tbl, ids] of byTable) {
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) {
      const r = await trx.selectFrom('hq_rows').select(['row_id', 'scope_path', 'cells']).where('tbl', '=', tbl).where('row_id', 'in', list.slice(i, i + 500)).execute();
      for (const row of r) out.set(key(tbl, row.row_id), { scope: row.scope_path, cells: values(row.cells) });
    }
  }
  return out;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The chain's last link (entry number and hash). */
export async function readChainHead(trx: Transaction<HqDB>): Promise<ChainHead> {
  const r = await historyDb(trx).selectFrom('hq_history').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r ? { seq: num(r.seq), hash: r.hash } : { seq: 0, hash: GENESIS };
}

/**
 * Records the applied changes of one push. `answers`: HQ's answer per write number; a column
 * answered 'a' is now the value HQ holds. `source`: 'app' for a device's writes, 'hq' for HQ's own.
 * `head`: the chain's last link when the caller has it (read under the same writer lock). Returns
 * how many entries it recorded and the chain's last link after them.
 */
export async function recordPushHistory(trx: Transaction<HqDB>, actor: Actor, writes: WireWrite[], answers: Map<number, StoredAnswer>, now: number, source: 'app' | 'hq' = actor.deviceId === 'hq' ? 'hq' : 'app', held?: HeldRow, head?: ChainHead): Promise<{ entries: number; head?: ChainHead }> {
  if (!writes.length) return { entries: 0, head };
  const rows = await before(trx, writes, held);
  const at = new Date(now).toISOString();
  const entries: ChainFields[] = [];
  const deviceId = actor.deviceId;
  // Every entry built whole in one shape: spreading a partial entry into a new object cost ~8 µs an
  // entry, and left objects that canonical() then read slowly (a first push of 55,883 rows: ~0.5 s).
  const add = (tbl: string, row_id: string, scope_path: string, op: string, col: string, old_value: string | null, new_value: string | null, writer: string | null, hlc: string) =>
    entries.push({ seq: 0, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id: deviceId, hlc, at, source });
  const writerOf = writerCache();
  for (const w of writes) {
    const a = answers.get(w.s);
    if (!a) continue;
    let applied = 0;
    for (const c in w.c) if (a.res[c] === 'a') applied++;
    if (!applied) continue;
    const all = applied === Object.keys(w.c).length;
    const who = writerOf(w.w);
    const hlc = a.h ?? w.h;
    const k = key(w.t, w.r);
    let row = rows.get(k);
    const scope = (typeof w.c.scope_path === 'string' ? w.c.scope_path : undefined) ?? row?.scope ?? w.p;
    if (!row) {
      // Every column applied (a first push is all such writes): the write's own columns, not a copy,
      // until a later write of the same row in this push changes them (copied then, below).
      let created = w.c;
      if (!all) {
        created = {};
        for (const c in w.c) if (a.res[c] === 'a') created[c] = w.c[c]!;
      }
      add(w.t, w.r, scope, 'insert', '', null, JSON.stringify(created), who, hlc);
      rows.set(k, (row = { scope, cells: created, borrowed: all }));
      continue;
    }
    if (row.borrowed) Object.assign(row, { cells: { ...row.cells }, borrowed: false });
    for (const c in w.c) {
      if (a.res[c] !== 'a') continue;
      const was = row.cells[c];
      const v = w.c[c]!;
      row.cells[c] = v;
      if (QUIET_COLUMNS.has(c) || was === v) continue;
      add(w.t, w.r, scope, 'update', c, enc(was), enc(v), who, hlc);
    }
    row.scope = scope;
  }
  if (!entries.length) return { entries: 0, head };
  let { seq, hash } = head ?? (await readChainHead(trx));
  const out = entries.map((e) => {
    e.seq = ++seq;
    const prev = hash;
    hash = linkHash(prev, e);
    return [e.seq, e.tbl, e.row_id, e.scope_path, e.op, e.col, e.old_value, e.new_value, e.writer, e.device_id, e.hlc, e.at, e.source, prev, hash];
  });
  await insertMany(trx, HISTORY_INTO, out, '');
  return { entries: out.length, head: { seq, hash } };
}


