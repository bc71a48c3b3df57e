// The quiz's HTTP face for the HQ console: bank template, preview, import, retire; rewards;
// redemptions and their decision; reports. Mounted by whoever owns the console's sign-in, behind its
// guard (`guard` runs first on every route and throws an HqError to refuse) — nothing here is open.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayInBeijing } from '../../shared/core/dates.js';
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { hqCategories, importBank, listReports, previewBank, retireQuestion } from './bank.js';
import { decideRedemption, listRedemptions, putReward } from './redeem.js';
import { bankTemplate } from './xlsx.js';

export interface QuizRouteOptions {
  store: HqStore;
  /** Refuses a request that is not from a signed-in HQ console user; returns the user's name (recorded as the decider). */
  guard(req: FastifyRequest): Promise<string>;
}

const fileBody = z.strictObject({ fileName: z.string().max(200), base64: z.string().max(15_000_000) });
const rewardBody = z.strictObject({ id: z.string().optional(), name: z.string(), nameEn: z.string().optional(), description: z.string().optional(), price: z.number(), stock: z.number(), active: z.boolean().optional() });
const decideBody = z.strictObject({ approve: z.boolean(), reason: z.string().max(200).optional() });

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
    await guard(req);
    const p = await previewBank(store, Buffer.from(parse(fileBody, req.body).base64, 'base64'));
    return { importable: p.questions.length, issues: p.issues };
  });
  app.post('/v1/quiz/import', async (req) => {
    await guard(req);
    return importBank(store, Buffer.from(parse(fileBody, req.body).base64, 'base64'));
  });
  app.post('/v1/quiz/questions/:id/retire', async (req) => {
    await guard(req);
    await retireQuestion(store, (req.params as { id: string }).id, todayInBeijing());
    return { ok: true };
  });
  app.post('/v1/quiz/rewards', async (req) => {
    await guard(req);
    const b = parse(rewardBody, req.body);
    return { id: await putReward(store, b) };
  });
  app.get('/v1/quiz/redemptions', async (req) => {
    await guard(req);
    return listRedemptions(store, (req.query as { status?: string }).status);
  });
  app.post('/v1/quiz/redemptions/:id/decide', async (req) => {
    const by = await guard(req);
    const b = parse(decideBody, req.body);
    return decideRedemption(store, (req.params as { id: string }).id, b.approve, by, b.reason);
  });
  app.get('/v1/quiz/reports', async (req) => {
    await guard(req);
    return listReports(store);
  });
}
