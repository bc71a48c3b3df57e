// The quiz's HTTP face for the HQ console: bank template, preview, import, retire; rewards;
// redemptions and their decision; reports. Mounted by whoever owns the console's sign-in, behind its
// guard (`guard` runs first on every route and throws an HqError to refuse) — nothing here is open.
// A county organiser signed in to the console sees and decides the requests of their own scope; the
// bank and the rewards are HQ's (scope '/'). Decisions happen here, at HQ, one at a time, so the
// stock holds whoever decides.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayInBeijing } from '../../shared/core/dates.js';
import { isUnder } from '../../shared/core/scope.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { hqCategories, importBank, listReports, previewBank, retireQuestion } from './bank.js';
import { decideRedemption, listRedemptions, putReward } from './redeem.js';
import { bankTemplate } from './xlsx.js';

export interface ConsoleUser { userName: string; scopePath: string }

export interface QuizRouteOptions {
  store: HqStore;
  /** Refuses a request that is not from a signed-in HQ console user; returns who it is (the name is recorded as the decider). */
  guard(req: FastifyRequest): Promise<ConsoleUser>;
}

const fileBody = z.strictObject({ fileName: z.string().max(200), base64: z.string().max(15_000_000) });
const rewardBody = z.strictObject({ id: z.string().optional(), name: z.string(), nameEn: z.string().optional(), description: z.string().optional(), price: z.number(), stock: z.number(), active: z.boolean().optional() });
const decideBody = z.strictObject({ approve: z.boolean(), reason: z.string().max(200).optional() });

const hqOnly = (u: ConsoleUser) => {
  if (u.scopePath !== '/') throw new HqError(403, 'forbidden', '题库和奖品由省公司管理', 'The bank and the rewards are managed by HQ');
};

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new HqError(400, 'malformed', '请求格式不正确', 'Malformed request');
  return r.data;
}

export function registerQuizRoutes(app: FastifyInstance, { store, guard }: QuizRouteOptions): void {
  app.get('/v1/quiz/template', async (req, reply) => {
    await guard(req);
    const buf = await bankTemplate(await hqCategories(store));
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('题库模板.xlsx')}`).send(buf);
  });
  app.post('/v1/quiz/preview', async (req) => {
    hqOnly(await guard(req));
    const p = await previewBank(store, Buffer.from(parse(fileBody, req.body).base64, 'base64'));
    return { importable: p.questions.length, issues: p.issues };
  });
  app.post('/v1/quiz/import', async (req) => {
    hqOnly(await guard(req));
    return importBank(store, Buffer.from(parse(fileBody, req.body).base64, 'base64'));
  });
  app.post('/v1/quiz/questions/:id/retire', async (req) => {
    hqOnly(await guard(req));
    await retireQuestion(store, (req.params as { id: string }).id, todayInBeijing());
    return { ok: true };
  });
  app.post('/v1/quiz/rewards', async (req) => {
    hqOnly(await guard(req));
    const b = parse(rewardBody, req.body);
    return { id: await putReward(store, b) };
  });
  app.get('/v1/quiz/redemptions', async (req) => {
    const u = await guard(req);
    return (await listRedemptions(store, (req.query as { status?: string }).status)).filter((r) => isUnder(r.scope, u.scopePath));
  });
  app.post('/v1/quiz/redemptions/:id/decide', async (req) => {
    const u = await guard(req);
    const b = parse(decideBody, req.body);
    const id = (req.params as { id: string }).id;
    const r = (await listRedemptions(store)).find((x) => x.id === id);
    if (r && !isUnder(r.scope, u.scopePath)) throw new HqError(403, 'scope', '超出您的管理范围', 'Outside your scope');
    return decideRedemption(store, id, b.approve, u.userName, b.reason);
  });
  app.get('/v1/quiz/reports', async (req) => {
    const u = await guard(req);
    return (await listReports(store)).filter((r) => isUnder(r.scope, u.scopePath));
  });
}
