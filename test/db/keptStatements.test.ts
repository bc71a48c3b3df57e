// The device's store keeps its prepared statements (shared/node/keptStatements.ts, db/open.ts). What
// must hold: a save repeated prepares nothing new (its capture triggers are not compiled again), a
// kept statement answers from the schema as it is now (a column added after it was prepared), a
// stream runs beside kept statements, and a user's writes are captured exactly as before.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { buildTree } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
});
afterEach(async () => p.cleanup());

describe('statements kept on the device’s connection', () => {
  it('a repeated save prepares nothing new, and each save is captured for sync and history', async () => {
    const { county } = await buildTree(ctx);
    const save = (name: string, id?: string) => dispatch(ctx, 'outlets.save', { ...(id ? { id } : {}), code: 'K1', name, channelType: 'rural', countyId: county.id });
    const first = await save('第一次');
    if (!first.ok) throw new Error(first.error.message);
    const id = (first.data as { id: string }).id;
    await save('第二次', id); // the update's statements prepared once
    const prepare = vi.spyOn(p.store.raw, 'prepare');
    for (const name of ['第三次', '第四次', '第五次']) expect((await save(name, id)).ok).toBe(true);
    expect(prepare).not.toHaveBeenCalled();
    prepare.mockRestore();
    const outbox = p.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE row_id = ?`).get(id) as { n: number };
    expect(outbox.n).toBe(5);
    const history = p.store.raw.prepare(`SELECT new_value FROM record_history WHERE row_id = ? AND col = 'name' ORDER BY id`).all(id) as { new_value: string }[];
    expect(history.map((h) => JSON.parse(h.new_value))).toEqual(['第二次', '第三次', '第四次', '第五次']);
  });

  it('a kept statement answers from the schema as it is now, and a stream runs beside kept statements', async () => {
    const db = p.store.db;
    await sql`CREATE TABLE kept_t (n INTEGER)`.execute(db);
    for (let i = 0; i < 3; i++) await sql`INSERT INTO kept_t (n) VALUES (${i})`.execute(db);
    const all = () => sql<Record<string, unknown>>`SELECT * FROM kept_t ORDER BY n`.execute(db);
    expect((await all()).rows[0]).toEqual({ n: 0 });
    await sql`ALTER TABLE kept_t ADD COLUMN label TEXT DEFAULT '新列'`.execute(db);
    expect((await all()).rows[0]).toEqual({ n: 0, label: '新列' });
    const seen: unknown[] = [];
    for await (const r of db.selectFrom('kept_t' as never).select('n' as never).orderBy('n' as never).stream()) seen.push((r as { n: number }).n);
    expect(seen).toEqual([0, 1, 2]);
    expect((await all()).rows).toHaveLength(3);
  });
});
