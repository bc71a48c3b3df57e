// POST /v1/history: the entries of HQ's history a device may see (its scope, and reference data
// above it), after its cursor, masked for its role (page.ts). The device calls it after each pull.
import type { FastifyInstance } from 'fastify';
import { HISTORY_PAGE, HISTORY_PATH, historyPullRequest, type HistoryPullAnswer } from '../../shared/history/wire.js';
import type { BlobRouteDeps } from '../blobs.js';
import { historyPage } from './page.js';

export function registerHistoryRoute(app: FastifyInstance, { store, device, parse }: BlobRouteDeps): void {
  app.post(HISTORY_PATH, async (req): Promise<HistoryPullAnswer> => {
    const d = await device(req);
    const body = parse(historyPullRequest, req.body);
    return historyPage(store, d, body.cursor, body.limit ?? HISTORY_PAGE);
  });
}
