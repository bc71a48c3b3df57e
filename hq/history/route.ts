// POST /v1/history: the entries of HQ's history a device may see (its scope, and reference data
// above it), after its cursor, masked for its role. The device calls it after each pull.
import { sql, type SqlBool } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { HISTORY_PAGE, HISTORY_PATH, historyPullRequest, type HistoryPullAnswer } from '../../shared/history/wire.js';
import { ancestorPaths, INHERITED_TABLES } from '../../shared/sync/tables.js';
import type { BlobRouteDeps } from '../blobs.js';
import { num } from '../store.js';
import { historyDb } from './table.js';
import { toWireEntry } from './wire.js';

const END = '\uffff';

export function registerHistoryRoute(app: FastifyInstance, { store, device, parse }: BlobRouteDeps): void {
  app.post(HISTORY_PATH, async (req): Promise<HistoryPullAnswer> => {
    const d = await device(req);
    const body = parse(historyPullRequest, req.body);
    const limit = body.limit ?? HISTORY_PAGE;
    const db = historyDb(store.db);
    const top = await db.selectFrom('hq_history').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const head = top ? num(top.seq) : 0;
    const scope = d.scopePath;
    const inherited = [...INHERITED_TABLES];
    const rows = await db
      .selectFrom('hq_history')
      .selectAll()
      .where('seq', '>', body.cursor)
      .where('seq', '<=', head)
      .where(sql<SqlBool>`((scope_path >= ${scope} AND scope_path < ${scope + END}) OR (tbl IN (${sql.join(inherited)}) AND scope_path IN (${sql.join(ancestorPaths(scope))})))`)
      .orderBy('seq')
      .limit(limit)
      .execute();
    const more = rows.length === limit;
    const cursor = more ? num(rows.at(-1)!.seq) : Math.max(head, body.cursor);
    return { entries: rows.map((r) => toWireEntry(d.role, r)), cursor, more, hqTime: Date.now() };
  });
}
