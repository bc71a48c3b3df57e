// Every answer says how long HQ worked on it (Server-Timing: app;dur=<ms>, from the request's arrival
// to its answer ready, compressed): an operator sees HQ's share of a slow sync in a proxy's log or a
// browser's network panel, and the sync benchmark reads HQ's time from an HQ in a process of its own.
import type { FastifyInstance } from 'fastify';

const began = new WeakMap<object, number>();

/** Registered after the answer's compression (hq/encoding.ts), so that its time is counted. */
export function installServerTiming(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => void began.set(req, performance.now()));
  app.addHook('onSend', async (req, reply, payload) => {
    const t = began.get(req);
    if (t !== undefined) reply.header('server-timing', `app;dur=${(performance.now() - t).toFixed(1)}`);
    return payload;
  });
}

/** HQ's milliseconds from a Server-Timing header (0 when there is none). */
export function serverMs(header: string | string[] | undefined): number {
  const m = /(?:^|,)\s*app;dur=([0-9.]+)/.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  return m ? Number(m[1]) : 0;
}
