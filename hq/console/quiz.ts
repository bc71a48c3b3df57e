// The quiz behind the console's sign-in (/console/api/v1/quiz/…, where the session cookie reaches):
// the question bank (template, preview with every row's problem, all-or-nothing import, retire), the
// rewards, the redemption requests and the questions players reported as wrong. Reads need a session;
// every change also HQ's own origin and the CSRF token (guard.ts). The bank and the rewards are the
// HQ administrator's; a county organiser reads them, and reads and decides the requests and reports of
// their county only. Input is checked before anything happens: a refusal writes nothing, not even
// to the audit, and every change that happened is audited with its before and after.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { bankFileInput, decideInput, QUIZ_FIELDS, rewardInput, type BankPreview, type RewardRow } from '../../shared/console/quiz.js';
import type { AuditRow } from '../../shared/console/types.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { isUnder } from '../../shared/core/scope.js';
import { HqError } from '../errors.js';
import { hqCategories, importBank, previewBank, retireQuestion } from '../quiz/bank.js';
import { decideRedemption, putReward } from '../quiz/redeem.js';
import { bankTemplate } from '../quiz/xlsx.js';
import type { HqStore } from '../store.js';
import { audit, readAudit } from './audit.js';
import { signedForWrite, signedIn, type Signed } from './guard.js';
import { listQuestions, listRedemptionRows, listRewards, reportedQuestions } from './quizViews.js';

const FILE_BODY = 15_000_000; // a 10 MB workbook as base64 (hq/quiz/xlsx.ts refuses larger files in words)

/** The input, or a 400 naming the wrong field in both languages. */
function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const field = String(r.error.issues[0]?.path[0] ?? '');
  const label = QUIZ_FIELDS[field];
  throw label
    ? new HqError(400, 'validation', `输入有误：${label.zh}`, `Invalid input: ${label.en}`, { field })
    : new HqError(400, 'malformed', `输入有误（${field || '请求内容'}）`, `Invalid input (${field || 'body'})`);
}

function hqAdmin(s: Signed): void {
  if (s.role !== 'hq_admin') throw new HqError(403, 'forbidden', '题库和奖品由省公司管理员管理', 'The question bank and the rewards are managed by HQ administrators');
}

/** A reward as the catalogue holds it (its pending requests are not part of it). */
const catalogued = (w: RewardRow) => ({ name: w.name, nameEn: w.nameEn, description: w.description, price: w.price, stock: w.stock, active: w.active });
const idOf = (req: FastifyRequest) => String((req.params as { id?: string }).id ?? '');
const fileOf = (body: unknown) => Buffer.from(parse(bankFileInput, body).base64, 'base64');

export function registerConsoleQuiz(app: FastifyInstance, store: HqStore): void {
  const P = '/console/api/v1/quiz';

  app.get(`${P}/template`, async (req, reply) => {
    await signedIn(store, req);
    const buf = await bankTemplate(await hqCategories(store));
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('题库模板.xlsx')}`).send(buf);
  });
  app.get(`${P}/questions`, async (req) => {
    return listQuestions(store, (await signedIn(store, req)).scopePath);
  });
  app.post(`${P}/preview`, { bodyLimit: FILE_BODY }, async (req): Promise<BankPreview> => {
    hqAdmin(await signedForWrite(store, req));
    const p = await previewBank(store, fileOf(req.body));
    return {
      importable: p.issues.length ? 0 : p.questions.length, issues: p.issues,
      rows: p.questions.slice(0, 200).map((q) => ({ row: q.row, kind: q.kind, stem: q.stem, answer: q.answer, category: q.category, level: q.level })),
    };
  });
  app.post(`${P}/import`, { bodyLimit: FILE_BODY }, async (req) => {
    const s = await signedForWrite(store, req);
    hqAdmin(s);
    const fileName = parse(bankFileInput, req.body).fileName;
    const done = await importBank(store, fileOf(req.body));
    await audit(store.db, { userName: s.userName, action: 'quiz.import', scopePath: '/', target: done.batch, before: null, after: { fileName, imported: done.imported }, ip: req.ip });
    return done;
  });
  app.post(`${P}/questions/:id/retire`, async (req) => {
    const s = await signedForWrite(store, req);
    hqAdmin(s);
    const q = (await listQuestions(store)).find((x) => x.id === idOf(req));
    if (!q) throw new HqError(404, 'not_found', '没有这道题', 'No such question');
    if (q.retiredOn) throw new HqError(409, 'retired', `这道题已于 ${q.retiredOn} 停用`, `This question was retired on ${q.retiredOn}`);
    const on = todayInBeijing();
    await retireQuestion(store, q.id, on);
    await audit(store.db, { userName: s.userName, action: 'quiz.retire', scopePath: '/', target: q.id, before: { stem: q.stem, retiredOn: null }, after: { stem: q.stem, retiredOn: on }, ip: req.ip });
    return { ok: true, retiredOn: on };
  });

  app.get(`${P}/rewards`, async (req) => {
    await signedIn(store, req);
    return listRewards(store);
  });
  app.post(`${P}/rewards`, async (req) => {
    const s = await signedForWrite(store, req);
    hqAdmin(s);
    const b = parse(rewardInput, req.body);
    const before = b.id ? (await listRewards(store)).find((w) => w.id === b.id) : undefined;
    if (b.id && !before) throw new HqError(404, 'not_found', '没有这个奖品', 'No such reward');
    const id = await putReward(store, b);
    const after = (await listRewards(store)).find((w) => w.id === id)!;
    await audit(store.db, { userName: s.userName, action: 'quiz.reward', scopePath: '/', target: id, before: before ? catalogued(before) : null, after: catalogued(after), ip: req.ip });
    return { id };
  });

  app.get(`${P}/redemptions`, async (req) => {
    const s = await signedIn(store, req);
    const status = (req.query as { status?: string }).status;
    return listRedemptionRows(store, s.scopePath, status || undefined);
  });
  app.post(`${P}/redemptions/:id/decide`, async (req) => {
    const s = await signedForWrite(store, req);
    const b = parse(decideInput, req.body);
    const d = (await listRedemptionRows(store, '/')).find((x) => x.id === idOf(req));
    // Another county's request is answered as unknown: its existence is not the organiser's to learn.
    if (!d || !isUnder(d.scopePath, s.scopePath)) throw new HqError(404, 'not_found', '没有这条兑换申请', 'No such redemption request');
    const verdict = await decideRedemption(store, d.id, b.approve, s.userName, b.reason);
    await audit(store.db, {
      userName: s.userName, action: 'quiz.decide', scopePath: d.scopePath, target: d.id, ip: req.ip,
      before: { person: d.personName, reward: d.rewardName.zh, price: d.price, status: d.status }, after: { asked: b.approve ? 'approve' : 'refuse', ...verdict },
    });
    return verdict;
  });

  // Who changed the bank, the rewards and the decisions, when, before and after: the county's own
  // lines, and the province's (the bank and the catalogue flow down to every county).
  app.get(`${P}/history`, async (req): Promise<AuditRow[]> => {
    const s = await signedIn(store, req);
    const mine = await readAudit(store.db, s.scopePath, { limit: 400 });
    const province = s.scopePath === '/' ? [] : (await readAudit(store.db, '/', { limit: 400 })).filter((a) => a.scopePath === '/');
    return [...mine, ...province].filter((a) => a.action.startsWith('quiz.')).sort((a, b) => b.at.localeCompare(a.at)).slice(0, 300);
  });

  app.get(`${P}/reports`, async (req) => {
    const s = await signedIn(store, req);
    return reportedQuestions(store, s.scopePath);
  });
}
