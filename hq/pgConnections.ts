// HQ's PostgreSQL connections answer some statements their own way (COPY, prepared statements).
// Kysely hands every statement to the connection's `query(text, values)`; a pool's connections are
// wrapped once each, as they open, and a statement the wrapper leaves goes on as it came.
import type pg from 'pg';

export type Query = (text: unknown, values?: unknown, ...rest: unknown[]) => unknown;

/** Every connection the pool opens sends its statements through `wrap(query, client)`; each wrapper once per connection. */
export function wrapQueries(pool: pg.Pool, wrap: (query: Query, client: pg.PoolClient) => Query): void {
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on('connect', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const c = client as unknown as { query: Query };
    c.query = wrap(c.query.bind(client), client);
  });
}
