// Bulk inserts on PostgreSQL through COPY … FROM STDIN: the server takes rows as a stream of text
// instead of parsing and planning a statement with thirty thousand parameters (measured on a push
// of 55,883 rows: the multi-row INSERTs into hq_history, hq_rows and hq_writes took ~7 s of ~13).
// Kysely knows nothing of COPY, so the pool's connections are taught one statement shape: a query
// whose text is `COPY … FROM STDIN (FORMAT binary)` and whose one parameter is a buffer streams it, on the
// same connection and so inside the same transaction as every other statement of the push.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { wrapQueries } from './pgConnections.js';

/** Marks a Kysely instance whose PostgreSQL connections take COPY (see `teachCopy`); changes nothing. */
export const copyCapable: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => args.node,
  transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
};

const COPY_STATEMENT = /^COPY [a-z_]+ \([a-z_, ]+\) FROM STDIN \(FORMAT binary\)$/;
/** Every connection the pool opens streams `COPY … FROM STDIN (FORMAT binary)` with its data as the one parameter. */
export function teachCopy(pool: pg.Pool): void {
  wrapQueries(pool, (query, client) => (text, values, ...rest) => {
    if (typeof text === 'string' && COPY_STATEMENT.test(text) && Array.isArray(values) && values.length === 1 && Buffer.isBuffer(values[0]))
      return copyIn(client, text, values[0]);
    return query(text, values, ...rest);
  });
}

async function copyIn(client: pg.PoolClient, text: string, data: Buffer): Promise<{ command: string; rowCount: number; rows: never[] }> {
  const stream = client.query(copyFrom(text));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(data);
  });
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

/**
 * Rows in COPY's binary format: every field is its length and its bytes, so nothing is scanned
 * for characters to escape (the text format had to look through every byte of every cells JSON,
 * which cost more than it saved). Numbers go as BIGINT, the type of every number column written
 * this way (a column of another type makes the server refuse the data: loud, not wrong).
 */
export function copyBinary(rows: unknown[][]): Buffer {
  let size = HEADER.length + 2;
  for (const row of rows) {
    size += 2;
    for (const v of row) size += 4 + fieldBytes(v);
  }
  const out = Buffer.allocUnsafe(size);
  let at = HEADER.copy(out, 0);
  for (const row of rows) {
    at = out.writeInt16BE(row.length, at);
    for (const v of row) {
      if (v === null || v === undefined) at = out.writeInt32BE(-1, at);
      else if (typeof v === 'number') {
        at = out.writeInt32BE(8, at);
        at = out.writeBigInt64BE(BigInt(v), at);
      } else {
        const n = out.write(v as string, at + 4, 'utf8');
        out.writeInt32BE(n, at);
        at += 4 + n;
      }
    }
  }
  out.writeInt16BE(-1, at);
  return out;
}

// Signature, flags (no OIDs), header extension length.
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);

function fieldBytes(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error(`COPY: not a whole number: ${v}`);
    return 8;
  }
  if (typeof v !== 'string') throw new Error(`COPY: unsupported value of type ${typeof v}`);
  return Buffer.byteLength(v, 'utf8');
}
