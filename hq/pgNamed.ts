// HQ's hot statements on PostgreSQL are prepared once per connection. A daily sync sends about two
// dozen short statements (authentication, the nonce, the writer lock, the device's count), and
// PostgreSQL parsed and planned each one afresh: named, it parses each text once per connection and,
// for lookups by key, reuses the plan. Measured with a thousand devices (bench/load1000.bench.ts,
// LOAD_FIRST=0, three interleaved pairs): 55, 63, 66 daily syncs/s against 55, 50, 62.
//
// Not every statement: a range read over versions (a pull, its moves and conflicts) plans best with
// its values in view (a county's few rows or the whole province), and `*` would fail once a column
// is added under a running process ("cached plan must not change result type"), so those, texts with
// many parameters (their number varies with the batch: a new text each time), and anything not a
// plain read or write go unnamed, as before.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { wrapQueries } from './pgConnections.js';

/** At most this many parameters: the key lookups and small writes of a daily sync. */
const MAX_PARAMETERS = 16;
const PLAIN = /^\s*(select|insert|update|delete|with)\b/i;
/** `select *`, `"d".*`, `returning *`, and a comparison on versions (count(*) is no column list). */
const LEFT_UNNAMED = /(select\s+\*|\.\*|returning\s+\*|\bversion"?\s*>)/i;

/** The name a statement is prepared under, or undefined to send it unnamed. */
export function statementName(text: string, values: unknown[]): string | undefined {
  if (values.length > MAX_PARAMETERS || !PLAIN.test(text) || LEFT_UNNAMED.test(text)) return undefined;
  return `rc_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/** Every connection the pool opens sends the statements `statementName` names as prepared ones. */
export function nameStatements(pool: pg.Pool): void {
  wrapQueries(pool, (query) => (text, values, ...rest) => {
    const name = typeof text === 'string' && Array.isArray(values) && !rest.length ? statementName(text, values) : undefined;
    return name ? query({ name, text, values }) : query(text, values, ...rest);
  });
}
