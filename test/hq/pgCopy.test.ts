// HQ's bulk inserts on PostgreSQL go through COPY in binary form (hq/pgCopy.ts): every value a
// push can carry must come back from the database exactly as it went in, inside the push's own
// transaction (a refused push leaves nothing behind), and every other statement is untouched.
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pgLib from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCapable, teachCopy } from '../../hq/pgCopy.js';
import { COPY_FROM_ROWS, insertMany } from '../../hq/rowset.js';
import type { HqDB } from '../../hq/schema.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';

let pg: RunningPg;
let store: HqStore;
/** HQ's own statements as sent, through a Kysely made as hq/store.ts makes it, which logs them. */
let logged: Kysely<HqDB>;
const sent: string[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  const url = await createPgDatabase(pg.url);
  store = await openHqStore(url);
  const pool = new pgLib.Pool({ connectionString: url, max: 2 });
  teachCopy(pool);
  logged = new Kysely<HqDB>({ dialect: new PostgresDialect({ pool }), plugins: [copyCapable], log: (e) => void sent.push(e.query.sql) });
}, 120_000);

afterAll(async () => {
  await logged?.destroy();
  await store?.close();
  await pg?.stop();
});

/** `rows` padded with copies of its last row (distinct in `key`) up to COPY's threshold: only then does a batch stream. */
const padded = (rows: unknown[][], key: number) =>
  [...rows, ...Array.from({ length: Math.max(0, COPY_FROM_ROWS - rows.length) }, (_, i) => rows.at(-1)!.map((v, c) => (c === key ? `${String(v)}-pad${i}` : v)))];
const copies = () => sent.filter((q) => q.startsWith('COPY ')).length;

const tricky = [
  'tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash \\N', '\\.', '', '纪念“七一”表彰大会 😀', '{"minutes":"第一行\\n第二行","q":"\\"引号\\""}',
  'x'.repeat(300_000),
];

describe('COPY into HQ tables on PostgreSQL', () => {
  it('stores text, NULL and whole numbers exactly', async () => {
    const into = 'hq_history (seq, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, prev_hash, hash)';
    const rows = padded(tricky.map((t, i) => [2 ** 40 + i, 'members', `row-${i}`, '/', 'update', 'name', i % 2 ? t : null, t, null, 'dev', 'h', 'at', 'app', 'p', 'h']), 2)
      .map((r, i) => [2 ** 40 + i, ...r.slice(1)]);
    const before = copies();
    await logged.transaction().execute((trx) => insertMany(trx, into, rows, ''));
    expect(copies()).toBe(before + 1);
    const back = await sql<{ seq: string; row_id: string; old_value: string | null; new_value: string; writer: string | null }>`SELECT seq, row_id, old_value, new_value, writer FROM hq_history ORDER BY seq`.execute(store.db);
    expect(back.rows.map((r) => [Number(r.seq), r.row_id, r.old_value, r.new_value, r.writer])).toEqual(rows.map((r) => [r[0], r[2], r[6], r[7], null]));
  });

  it('is part of the transaction: a statement failing after it leaves none of its rows', async () => {
    const rows = padded([['dev-x', 1, 'outlets', 'r1', 'h', 'a', 'now']], 3).map((r, i) => [r[0], i + 1, ...r.slice(2)]);
    await expect(
      logged.transaction().execute(async (trx) => {
        await insertMany(trx, 'hq_writes (device_id, seq, tbl, row_id, hlc, answer, received_at)', rows, '');
        await sql`SELECT 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    const n = await store.db.selectFrom('hq_writes').select(sql<string>`count(*)`.as('n')).where('tbl', '=', 'outlets').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('refuses a row the table does not take (NULL where NOT NULL), writing none of the batch', async () => {
    const rows = [...padded([['dev-y', 1, 'pledges', 'r1', 'h', 'a', 'now']], 3).map((r, i) => [r[0], i + 1, ...r.slice(2)]), ['dev-y', 0, 'pledges', 'r2', null, 'a', 'now']];
    await expect(logged.transaction().execute((trx) => insertMany(trx, 'hq_writes (device_id, seq, tbl, row_id, hlc, answer, received_at)', rows, ''))).rejects.toThrow(/null value/);
    const n = await store.db.selectFrom('hq_writes').select(sql<string>`count(*)`.as('n')).where('tbl', '=', 'pledges').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('sends a small batch as one INSERT (one round trip), not as COPY (two)', async () => {
    const rows = Array.from({ length: COPY_FROM_ROWS - 1 }, (_, i) => ['dev-z', i + 1, 'outlets', `z${i}`, 'h', 'a', 'now']);
    const before = copies();
    const from = sent.length;
    await logged.transaction().execute((trx) => insertMany(trx, 'hq_writes (device_id, seq, tbl, row_id, hlc, answer, received_at)', rows, ''));
    expect(copies()).toBe(before);
    expect(sent.slice(from).filter((q) => q.startsWith('INSERT INTO hq_writes'))).toHaveLength(1);
    const n = await store.db.selectFrom('hq_writes').select(sql<string>`count(*)`.as('n')).where('device_id', '=', 'dev-z').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(COPY_FROM_ROWS - 1);
  });

  it('streams only a COPY with one buffer: the same text with other parameters goes to the server as it is', async () => {
    const text = 'COPY hq_writes (seq) FROM STDIN (FORMAT binary)';
    // The server refuses it for its parameter (it was not taken for a stream)…
    await expect(store.db.executeQuery(CompiledQuery.raw(text, ['not a buffer']))).rejects.toThrow(/bind message supplies 1 parameters/);
    // …and an ordinary query carrying that text as a value is answered as ever.
    const r = await store.db.executeQuery<{ v: string }>(CompiledQuery.raw('SELECT $1::text AS v', [text]));
    expect(r.rows[0]!.v).toBe(text);
  });
});
