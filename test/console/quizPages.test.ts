// The console's quiz and honours reference data over real HTTP against a real HQ (SQLite file and
// PostgreSQL): the
// question bank (preview with every row's problem, all-or-nothing import, retire), rewards, redemption
// decisions and wrong-question reports; honour kinds as reference data. Sessions, CSRF, a county
// organiser confined to their county, and bad input answered 400 in both languages writing nothing
// (no row, no audit line).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankPreview, QuestionReports, QuestionRow, RedemptionRow, RewardRow } from '../../shared/console/quiz.js';
import type { AuditRow, RefView } from '../../shared/console/types.js';
import { bankFile, goodRows } from '../quiz/bankFile.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { createPgDatabase } from '../sync/support.js';
import { ADMIN_PW, Client, COUNTY_PW, putRows, startConsoleHq, type ConsoleHq } from './support.js';

let pg: RunningPg;
beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(async () => pg?.stop());

describe.each(['SQLite', 'PostgreSQL'] as const)('console quiz pages on %s', (engine) => {
  let hq: ConsoleHq;
  let admin: Client;
  let county: Client;
  const LINTONG = '/hq/xa/xa-lintong/';
  const YANTA = '/hq/xa/xa-yanta/';
  const P = '/console/api/v1/quiz';

  const count = async (tbl: string) => (await hq.store.db.selectFrom('hq_rows').select('row_id').where('tbl', '=', tbl).execute()).length;
  const audits = async (action: string) => hq.store.db.selectFrom('hq_console_audit').selectAll().where('action', '=', action).orderBy('at').execute();
  const file = async (rows: Parameters<typeof bankFile>[0]) => ({ fileName: '题库.xlsx', base64: (await bankFile(rows)).toString('base64') });

  beforeAll(async () => {
    hq = await startConsoleHq(engine === 'PostgreSQL' ? await createPgDatabase(pg.url) : undefined);
    admin = new Client(hq.url);
    expect((await admin.signIn('admin', ADMIN_PW)).status).toBe(200);
    county = new Client(hq.url);
    expect((await county.signIn('lintong', COUNTY_PW)).status).toBe(200);
  }, 120_000);
  afterAll(async () => hq?.close());

  describe('the console quiz', () => {
    it('answers nothing without a session and changes nothing without the CSRF token', async () => {
      const none = new Client(hq.url);
      for (const p of ['questions', 'rewards', 'redemptions', 'reports', 'template']) expect((await none.call('GET', `${P}/${p}`)).status, p).toBe(401);
      const forged = await admin.call('POST', `${P}/import`, await file(goodRows(1, 2)), { 'x-rc-csrf': 'guessed' });
      expect(forged.status).toBe(403);
      const other = await admin.call('POST', `${P}/rewards`, { name: '流量包', price: 5, stock: 1 }, { origin: 'https://evil.example' });
      expect(other.status).toBe(403);
      expect(await count('quiz_questions')).toBe(0);
      expect(await count('quiz_rewards')).toBe(0);
    });

    it('previews every bad row in both languages and imports nothing while any row is wrong', async () => {
      const bad = await file([
        ...goodRows(1, 2),
        ['单选', '没有答案的题目', '甲', '乙', '', '', '', '', '', '', '党规党纪', '中', 1],
        ['单选', '分类不存在的题目', '甲', '乙', '', '', '', '', 'A', '', '体育', '中', 1],
        ['判断', { formula: '1+1', result: '2' }, '', '', '', '', '', '', '正确', '', '党规党纪', '中', 1],
      ]);
      const p = await admin.call('POST', `${P}/preview`, bad);
      expect(p.status).toBe(200);
      const preview = p.json as unknown as BankPreview;
      expect(preview.importable).toBe(0);
      expect(preview.issues.map((i) => i.row)).toEqual([4, 5, 6]);
      expect(preview.issues[0]!.zh).toContain('没有正确答案');
      expect(preview.issues[1]!.zh).toContain('分类“体育”不存在');
      expect(preview.issues[1]!.en).toContain('unknown category');
      expect(preview.issues[2]!.zh).toContain('公式');
      const refused = await admin.call('POST', `${P}/import`, bad);
      expect(refused.status).toBe(400);
      expect(String(refused.json.zh)).toContain('未导入任何题目');
      expect(String(refused.json.en)).toContain('nothing was imported');
      expect(await count('quiz_questions')).toBe(0);
      expect(await audits('quiz.import')).toEqual([]);
      // not a workbook, and a field missing: refused in words, nothing written
      const junk = await admin.call('POST', `${P}/preview`, { fileName: 'a.xlsx', base64: Buffer.from('hello').toString('base64') });
      expect(junk.status).toBe(400);
      expect(String(junk.json.zh)).toContain('不是 .xlsx');
      const missing = await admin.call('POST', `${P}/import`, { fileName: 'a.xlsx' });
      expect(missing).toMatchObject({ status: 400, json: { zh: '输入有误：文件内容（最大 10 MB）', en: 'Invalid input: file content (10 MB at most)' } });
    });

    it('imports a good file whole, lists it, retires a question with its before and after', async () => {
      const good = await file(goodRows(2, 3));
      expect(((await admin.call('POST', `${P}/preview`, good)).json as unknown as BankPreview).importable).toBe(6);
      expect((await county.call('POST', `${P}/import`, good)).status).toBe(403);
      const done = await admin.call('POST', `${P}/import`, good);
      expect(done.status).toBe(200);
      expect(done.json.imported).toBe(6);
      const list = (await county.call('GET', `${P}/questions`)).json as unknown as QuestionRow[];
      expect(list.map((q) => q.level)).toEqual([1, 1, 1, 2, 2, 2]);
      expect(list[0]).toMatchObject({ kind: 'single', answer: 'A', category: 'party_rules', retiredOn: null, reports: 0 });
      expect(await audits('quiz.import')).toMatchObject([{ user_name: 'admin', scope_path: '/', after_json: JSON.stringify({ fileName: '题库.xlsx', imported: 6 }) }]);

      const q = list[0]!;
      expect((await county.call('POST', `${P}/questions/${q.id}/retire`, {})).status).toBe(403);
      expect((await admin.call('POST', `${P}/questions/${q.id}/retire`, {})).status).toBe(200);
      const again = await admin.call('POST', `${P}/questions/${q.id}/retire`, {});
      expect(again.status).toBe(409);
      expect(String(again.json.zh)).toContain('已于');
      expect((await admin.call('POST', `${P}/questions/nope-nope-nope/retire`, {})).status).toBe(404);
      const after = ((await admin.call('GET', `${P}/questions`)).json as unknown as QuestionRow[]).find((x) => x.id === q.id)!;
      expect(after.retiredOn).toMatch(/^\d{4}-\d\d-\d\d$/);
      const [a] = await audits('quiz.retire');
      expect(JSON.parse(a!.before_json!)).toMatchObject({ retiredOn: null });
      expect(JSON.parse(a!.after_json!)).toMatchObject({ retiredOn: after.retiredOn });
    });

    it('keeps the rewards catalogue HQ\'s: bad input refused in words, edits audited before and after', async () => {
      const bad = await admin.call('POST', `${P}/rewards`, { name: '流量包', price: 0, stock: 3 });
      expect(bad).toMatchObject({ status: 400, json: { zh: '输入有误：兑换积分（1–100000 的整数）', en: 'Invalid input: price in points (a whole number 1–100000)' } });
      expect((await admin.call('POST', `${P}/rewards`, { name: '  ', price: 5, stock: 3 })).json.field).toBe('name');
      expect((await county.call('POST', `${P}/rewards`, { name: '流量包', price: 5, stock: 3 })).status).toBe(403);
      expect((await admin.call('POST', `${P}/rewards`, { id: 'no-such-reward-1', name: '流量包', price: 5, stock: 3 })).status).toBe(404);
      expect(await count('quiz_rewards')).toBe(0);
      expect(await audits('quiz.reward')).toEqual([]);

      const made = await admin.call('POST', `${P}/rewards`, { name: '1GB 流量包', nameEn: '1 GB data pack', price: 5, stock: 1 });
      const id = String(made.json.id);
      expect((await admin.call('POST', `${P}/rewards`, { id, name: '1GB 流量包', nameEn: '1 GB data pack', price: 6, stock: 2 })).status).toBe(200);
      const list = (await county.call('GET', `${P}/rewards`)).json as unknown as RewardRow[];
      expect(list).toMatchObject([{ id, price: 6, stock: 2, active: true, pending: 0 }]);
      const log = await audits('quiz.reward');
      expect(log.map((l) => l.before_json === null ? null : JSON.parse(l.before_json))).toEqual([null, expect.objectContaining({ price: 5, stock: 1 })]);
      expect(JSON.parse(log[1]!.after_json!)).toMatchObject({ price: 6, stock: 2 });
    });

    it('lets a county organiser see and decide only their county\'s requests and reports', async () => {
      const reward = ((await admin.call('GET', `${P}/rewards`)).json as unknown as RewardRow[])[0]!;
      const question = ((await admin.call('GET', `${P}/questions`)).json as unknown as QuestionRow[])[1]!;
      const [lp, yp] = await putRows(hq.store, [
        { t: 'people', scope: LINTONG, c: { name: '王骊山', political_status: 'masses' } },
        { t: 'people', scope: YANTA, c: { name: '赵雁塔', political_status: 'masses' } },
      ]);
      const today = new Date().toISOString().slice(0, 10);
      await putRows(hq.store, [
        { t: 'quiz_attempts', scope: LINTONG, c: { person_id: lp!, question_id: question.id, mode: 'level', chosen: 'A', correct: 1, points: 6, day: today, answered_at: new Date().toISOString() } },
        { t: 'quiz_reports', scope: LINTONG, c: { question_id: question.id, person_id: lp!, text: '选项二也对', reported_by: '临潼指导员' } },
        { t: 'quiz_reports', scope: YANTA, c: { question_id: question.id, person_id: yp!, text: '题干有错字', reported_by: '雁塔指导员' } },
      ]);
      const [mine, theirs] = await putRows(hq.store, [
        { t: 'quiz_redemptions', scope: LINTONG, c: { reward_id: reward.id, person_id: lp!, price: reward.price, status: 'requested', requested_at: new Date().toISOString(), requested_by: '临潼指导员' } },
        { t: 'quiz_redemptions', scope: YANTA, c: { reward_id: reward.id, person_id: yp!, price: reward.price, status: 'requested', requested_at: new Date().toISOString(), requested_by: '雁塔指导员' } },
      ]);
      const seen = (await county.call('GET', `${P}/redemptions`)).json as unknown as RedemptionRow[];
      expect(seen.map((r) => [r.id, r.personName, r.status])).toEqual([[mine, '王骊山', 'requested']]);
      expect(((await admin.call('GET', `${P}/redemptions`)).json as unknown as RedemptionRow[]).length).toBe(2);
      const reports = (await county.call('GET', `${P}/reports`)).json as unknown as QuestionReports[];
      expect(reports).toMatchObject([{ questionId: question.id, reports: [{ text: '选项二也对', reportedBy: '临潼指导员', scopePath: LINTONG }] }]);
      expect(((await admin.call('GET', `${P}/reports`)).json as unknown as QuestionReports[])[0]!.reports.length).toBe(2);
      expect(((await admin.call('GET', `${P}/questions`)).json as unknown as QuestionRow[])[1]!.reports).toBe(2);
      expect(((await county.call('GET', `${P}/questions`)).json as unknown as QuestionRow[])[1]!.reports).toBe(1);

      expect((await county.call('POST', `${P}/redemptions/${theirs}/decide`, { approve: true })).status).toBe(404);
      expect((await county.call('POST', `${P}/redemptions/${mine}/decide`, { approve: 'yes' })).status).toBe(400);
      expect(await audits('quiz.decide')).toEqual([]);
      const ok = await county.call('POST', `${P}/redemptions/${mine}/decide`, { approve: true });
      expect(ok).toMatchObject({ status: 200, json: { status: 'approved', reason: null } });
      expect((await county.call('POST', `${P}/redemptions/${mine}/decide`, { approve: true })).status).toBe(409);
      // The other county's player earned nothing: HQ refuses even an administrator's approval, points returned.
      const no = await admin.call('POST', `${P}/redemptions/${theirs}/decide`, { approve: true });
      expect(no.json).toMatchObject({ status: 'refused', reason: '积分不足（各设备记录合计），积分已退回' });
      expect(((await admin.call('GET', `${P}/rewards`)).json as unknown as RewardRow[])[0]).toMatchObject({ stock: 1, pending: 0 });
      const log = await audits('quiz.decide');
      expect(log.map((l) => [l.user_name, l.scope_path])).toEqual([['lintong', LINTONG], ['admin', YANTA]]);
      expect(JSON.parse(log[0]!.before_json!)).toMatchObject({ person: '王骊山', status: 'requested' });
      expect(JSON.parse(log[0]!.after_json!)).toMatchObject({ status: 'approved' });
      // The quiz's change log: the county's own decision and the province's bank and catalogue, never another county's.
      const history = (await county.call('GET', `${P}/history`)).json as unknown as AuditRow[];
      expect(history.map((h) => `${h.action} ${h.scopePath}`).sort()).toEqual(['quiz.decide /hq/xa/xa-lintong/', 'quiz.import /', 'quiz.retire /', 'quiz.reward /', 'quiz.reward /']);
      expect(((await admin.call('GET', `${P}/history`)).json as unknown as AuditRow[]).length).toBe(6);
      expect((await new Client(hq.url).call('GET', `${P}/history`)).status).toBe(401);
    });
  });

  describe('honour kinds as reference data', () => {
    const set = (c: Client, scopePath: string, value: unknown) => c.call('POST', '/console/api/refdata/set', { key: 'honours.kinds', scopePath, value });
    const kinds = { demo_channel: { zh: '党建示范渠道', en: 'Model channel', subjects: ['outlet'] }, excellent_member: { zh: '优秀渠道党员', en: 'Outstanding member', subjects: ['person'] } };

    it('sets the province default, refuses a malformed value in words, and lets a county override only its own', async () => {
      const bad = await set(admin, '/', { 'Bad Key': { zh: '', en: 'x', subjects: [] } });
      expect(bad).toMatchObject({ status: 400, json: { zh: '“honours.kinds”的取值格式不正确', en: 'The value of "honours.kinds" is malformed' } });
      expect((await set(admin, '/', {})).status).toBe(400);
      expect(await count('settings')).toBe(0);
      expect((await set(admin, '/', kinds)).status).toBe(200);
      const local = { ...kinds, pioneer_post: { zh: '党员先锋岗', en: 'Vanguard post', subjects: ['org'] } };
      expect((await set(county, YANTA, local)).status).toBe(403);
      const mine = await set(county, LINTONG, local);
      expect(mine.status).toBe(200);
      const view = mine.json as unknown as RefView;
      const entry = view.entries.find((e) => e.key === 'honours.kinds')!;
      expect(entry.province?.value).toEqual(kinds);
      expect(entry.county?.value).toEqual(local);
      expect(view.history.filter((h) => h.key === 'honours.kinds').map((h) => [h.userName, h.scopePath])).toEqual([['lintong', LINTONG], ['admin', '/']]);
    });

    it('refuses to take away a kind honours in the scope still use', async () => {
      await putRows(hq.store, [{ t: 'honours', scope: LINTONG, c: { kind: 'pioneer_post', subject_kind: 'org', subject_id: 'x', basis_period: '2026', basis: '考核优秀', status: 'approved', proposed_by: '甲', proposed_on: '2026-11-01' } }]);
      const drop = await set(county, LINTONG, kinds);
      expect(drop.status).toBe(400);
      expect(String(drop.json.zh)).toContain('pioneer_post（1）');
      expect(String(drop.json.en)).toContain('cannot be removed');
      const clear = await county.call('POST', '/console/api/refdata/clear', { key: 'honours.kinds', scopePath: LINTONG });
      expect(clear.status).toBe(400);
      const entry = ((await county.call('GET', '/console/api/refdata')).json as unknown as RefView).entries.find((e) => e.key === 'honours.kinds')!;
      expect(Object.keys(entry.county!.value as object)).toContain('pioneer_post');
      // relabelling is fine
      const renamed = { ...kinds, pioneer_post: { zh: '党员先锋示范岗', en: 'Vanguard post', subjects: ['org'] } };
      expect((await set(county, LINTONG, renamed)).status).toBe(200);
    });
  });

  describe('quiz settings as reference data', () => {
    it('checks each value with the app\'s own rule and keeps the cap and categories the province\'s', async () => {
      const set = (c: Client, key: string, scopePath: string, value: unknown) => c.call('POST', '/console/api/refdata/set', { key, scopePath, value });
      const before = await count('settings');
      expect(await set(admin, 'quiz.levelLength', '/', 0)).toMatchObject({ status: 400, json: { zh: '输入有误：闯关赛设置“quiz.levelLength”的取值不符合要求' } });
      expect((await set(county, 'quiz.dailyCap', LINTONG, 10)).json.zh).toBe('输入有误：“闯关赛每日积分上限”只能由省公司统一设置');
      expect(await count('settings')).toBe(before);
      expect((await set(county, 'quiz.levelLength', LINTONG, 8)).status).toBe(200);
      expect((await set(admin, 'quiz.dailyCap', '/', 10)).status).toBe(200);
    });
  });
});
