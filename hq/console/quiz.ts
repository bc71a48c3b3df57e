// The quiz's HQ routes (bank, rewards, redemption decisions, reports: hq/quiz/routes.ts) behind the
// console's sign-in, under /console/api/ so the session cookie (Path=/console) reaches them: reads need
// a session, every change also HQ's own origin and the CSRF token, and is written to the audit log.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerQuizRoutes } from '../quiz/routes.js';
import type { HqStore } from '../store.js';
import { audit } from './audit.js';
import { signedForWrite, signedIn } from './guard.js';

export function registerConsoleQuiz(app: FastifyInstance, store: HqStore): void {
  const guard = async (req: FastifyRequest) => {
    if (req.method === 'GET') return signedIn(store, req);
    const s = await signedForWrite(store, req);
    await audit(store.db, { userName: s.userName, action: `quiz ${req.routeOptions.url ?? req.url}`, scopePath: s.scopePath, target: req.url, ip: req.ip });
    return s;
  };
  void app.register(async (sub) => registerQuizRoutes(sub, { store, guard }), { prefix: '/console/api' });
}
