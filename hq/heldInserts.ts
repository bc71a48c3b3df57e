// A push's inserts on PostgreSQL go to the database with its last statement. Under the writer lock,
// which every push of every device waits for, a daily push of thirty rows sent its history, its rows,
// its stored answers and HQ's new version as four statements, each a round trip while the others
// queued; held back, they travel as parts of the one statement that settles the push (hq/push.ts
// settle). Nothing in between reads what they write (hq/push.ts says which reads come after), there are no
// foreign keys or triggers among HQ's tables, and one statement fails or commits whole as the
// transaction did. Large inserts (COPY, or more parameters than one statement takes) go at once.
// One statement sees one snapshot: two held inserts must not write the same key (the second would
// not see the first, and fails on the unique index even with ON CONFLICT), and the settling step
// must not read what they write. A push makes one insert per table, except into hq_rows: its new
// rows and its rewritten rows, which are apart by construction (hq/rowset.ts flush).
// Each insert's rows travel as one JSON parameter read by json_populate_recordset, so the statement's
// text depends only on which tables it writes, not on how many rows: the same few texts every push,
// prepared once per connection (hq/pgNamed.ts). With a VALUES list of a parameter per value, each
// push's text was new and PostgreSQL parsed and planned ~900 parameters under the writer lock.
// Large inserts (COPY) are not held but not waited for either: PostgreSQL stores one while HQ builds
// the next (the connection runs them in order), and `releaseHeld` waits for them all and fails as the
// first of them failed. On a first push, the COPYs were ~2.2 s of ~5.8 s in HQ, each with HQ idle.
import { CompiledQuery, type Kysely } from 'kysely';
import type { HqDB } from './schema.js';

interface Held {
  into: string;
  rows: unknown[][];
  tail: string;
}

const held = new WeakMap<Kysely<HqDB>, { parts: Held[]; params: number; flying: Promise<unknown>[] }>();
/** Parameters one statement may carry, with room for the settling statement's own. */
const MAX_PARAMETERS = 30_000;

/** From now on, the transaction's small inserts wait for `releaseHeld`. */
export function holdInserts(trx: Kysely<HqDB>): void {
  held.set(trx, { parts: [], params: 0, flying: [] });
}

/** Lets an insert already sent run on while the push goes on, if the transaction holds inserts; false when it must be waited for now. */
export function sendAhead(trx: Kysely<HqDB>, sent: Promise<unknown>): boolean {
  const h = held.get(trx);
  if (!h) return false;
  sent.catch(() => {}); // seen by releaseHeld; a push that fails before it rolls back once the connection is free
  h.flying.push(sent);
  return true;
}

/** Holds the insert if the transaction holds them and it fits; false when it must be sent now. */
export function holdInsert(trx: Kysely<HqDB>, into: string, rows: unknown[][], tail: string): boolean {
  const h = held.get(trx);
  const params = rows.length * (rows[0]?.length ?? 0);
  if (!h || h.params + params > MAX_PARAMETERS) return false;
  h.parts.push({ into, rows, tail });
  h.params += params;
  return true;
}

/** `hq_rows (tbl, row_id, …)` → the table and its columns. */
function parseInto(into: string): { table: string; cols: string[] } | undefined {
  const m = /^(\w+)\s*\(([\w\s,]+)\)$/.exec(into.trim());
  return m ? { table: m[1]!, cols: m[2]!.split(',').map((c) => c.trim()) } : undefined;
}

const inJson = (v: unknown) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v));

/** One held insert as SQL: its rows as one JSON parameter when they are plain text and whole numbers, else as a VALUES list. */
function insertText(p: Held, param: (v: unknown) => string): string {
  const shape = parseInto(p.into);
  if (shape && p.rows.every((r) => r.length === shape.cols.length && r.every(inJson))) {
    const json = JSON.stringify(p.rows.map((r) => Object.fromEntries(shape.cols.map((c, i) => [c, r[i]]))));
    return `INSERT INTO ${p.into} SELECT ${shape.cols.join(', ')} FROM json_populate_recordset(NULL::${shape.table}, ${param(json)}) ${p.tail}`;
  }
  return `INSERT INTO ${p.into} VALUES ${p.rows.map((r) => `(${r.map(param).join(', ')})`).join(', ')} ${p.tail}`;
}

/**
 * Sends the held inserts with the statement `last` builds (given a function that adds a parameter
 * and returns its placeholder): `ctes`, more data-modifying steps, and `main`, the statement itself.
 */
export async function releaseHeld(trx: Kysely<HqDB>, last: (param: (v: unknown) => string) => { ctes: string[]; main?: string }): Promise<void> {
  const { parts = [], flying = [] } = held.get(trx) ?? {};
  held.delete(trx);
  const failed = (await Promise.allSettled(flying)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const ctes = parts.map((p) => insertText(p, param));
  const tail = last(param);
  ctes.push(...tail.ctes);
  const main = tail.main ?? (ctes.length ? ctes.pop() : undefined);
  if (!main) return;
  const text = ctes.length ? `WITH ${ctes.map((c, i) => `w${i} AS (${c})`).join(', ')} ${main}` : main;
  await trx.executeQuery(CompiledQuery.raw(text, params));
}
