// HQ's bulk inserts on PostgreSQL go through COPY in binary form (hq/pgCopy.ts): every value a
// push can carry must come back from the database exactly as it went in, inside the push's own
// transaction (a refused push leaves nothing behind), and every other statement is untouched.
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMany } from '../../hq/rowset.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';

let pg: RunningPg;
let store: HqStore;

beforeAll(async () => {
  pg = await startPostgres();
  store = await openHqStore(await createPgDatabase(pg.url));
}, 120_000);

afterAll(async () => {
  await store?.close();
  await pg?.stop();
});

const tricky = [
  'tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash \\N', '\\.', '', '纪念“七一”表彰大会 😀', '{"minutes":"第一行\\n第二行","q":"\\"引号\\""}',
  'x'.repeat(300_000),
];

describe('COPY into HQ tables on PostgreSQL', () => {
  it('stores text, NULL and whole numbers exactly', async () => {
    const into = 'hq_history (seq, tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, at, source, prev_hash, hash)';
    const rows = tricky.map((t, i) => [2 ** 40 + i, 'members', `row-${i}`, '/', 'update', 'name', i % 2 ? t : null, t, null, 'dev', 'h', 'at', 'app', 'p', 'h']);
    await store.db.transaction().execute((trx) => insertMany(trx, into, rows, ''));
    const back = await sql<{ seq: string; row_id: string; old_value: string | null; new_value: string; writer: string | null }>`SELECT seq, row_id, old_value, new_value, writer FROM hq_history ORDER BY seq`.execute(store.db);
    expect(back.rows.map((r) => [Number(r.seq), r.row_id, r.old_value, r.new_value, r.writer])).toEqual(rows.map((r) => [r[0], r[2], r[6], r[7], null]));
  });

  it('is part of the transaction: a statement failing after it leaves none of its rows', async () => {
    const rows = [['dev-x', 1, 'outlets', 'r1', 'h', 'a', 'now']];
    await expect(
      store.db.transaction().execute(async (trx) => {
        await insertMany(trx, 'hq_writes (device_id, seq, tbl, row_id, hlc, answer, received_at)', rows, '');
        await sql`SELECT 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    const n = await store.db.selectFrom('hq_writes').select(sql<string>`count(*)`.as('n')).where('tbl', '=', 'outlets').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('refuses a row the table does not take (NULL where NOT NULL), writing none of the batch', async () => {
    const rows = [['dev-y', 1, 'pledges', 'r1', 'h', 'a', 'now'], ['dev-y', 2, 'pledges', 'r2', null, 'a', 'now']];
    await expect(store.db.transaction().execute((trx) => insertMany(trx, 'hq_writes (device_id, seq, tbl, row_id, hlc, answer, received_at)', rows, ''))).rejects.toThrow(/null value/);
    const n = await store.db.selectFrom('hq_writes').select(sql<string>`count(*)`.as('n')).where('tbl', '=', 'pledges').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
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
