// Years of history (issue 17 item 4): `years` spreads organisation life over that many years before
// "today" with the 三会一课 cadence every year, adds the channel work (anti-fraud outreach, vanguard
// service, micro lectures, quizzes, 七一 oath renewal) from its own random stream, and marks
// attendance only for members of the organisation who had joined by then.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { loadMembers } from '../../db/assessment/facts.js';
import { tempProfile } from '../support/store.js';
import { DEFAULT_TODAY, generateProvince, type GenerateSummary } from './generate.js';

type Temp = Awaited<ReturnType<typeof tempProfile>>;
const one = (raw: Database.Database, sql: string, ...args: unknown[]): number => (raw.prepare(sql).get(...args) as { n: number }).n;
const CADENCE = ['theme_day', 'committee_meeting', 'group_meeting', 'general_meeting', 'lecture', 'org_life_meeting', 'review', 'instructor_visit', 'talk', 'task_force'];
const CHANNEL = ['anti_fraud', 'pioneer_service', 'rural_revitalization', 'quiz', 'oath_renewal'];

describe('a province with five years of history', () => {
  const temps: Temp[] = [];
  let raw: Database.Database;
  let p: Temp;
  let s: GenerateSummary;
  const fresh = async () => {
    const t = await tempProfile({ role: 'hq_admin', scopePath: '/hq/' });
    temps.push(t);
    return t;
  };
  beforeAll(async () => {
    p = await fresh();
    raw = p.store.raw;
    s = await generateProvince(raw, { counties: 1, seed: 4, years: 5 });
  });
  afterAll(async () => {
    for (const t of temps) await t.cleanup();
  });

  it('spreads organisation life over the five years before today, the yearly meetings in each', () => {
    const first = raw.prepare(`SELECT min(held_on) FROM activities`).pluck().get() as string;
    const last = raw.prepare(`SELECT max(held_on) FROM activities`).pluck().get() as string;
    expect(first >= '2021-11-15' && first < '2022-01-01', first).toBe(true);
    expect(last <= DEFAULT_TODAY).toBe(true);
    const byYear = raw.prepare(`SELECT substr(held_on, 1, 4) AS y, count(*) AS n FROM activities WHERE type = 'org_life_meeting' GROUP BY y`).all() as { y: string; n: number }[];
    expect(byYear.map((r) => r.y)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    const branches = one(raw, `SELECT count(DISTINCT org_id) AS n FROM activities WHERE type = 'theme_day'`);
    // Monthly theme days held 90% of the time: ~10.8 a year per branch, every one of the five years.
    for (const y of ['2022', '2023', '2024', '2025']) {
      const perBranch = one(raw, `SELECT count(*) AS n FROM activities WHERE type = 'theme_day' AND held_on LIKE ? || '%'`, y) / branches;
      expect(perBranch, y).toBeGreaterThan(9.5);
      expect(perBranch, y).toBeLessThan(12);
    }
    const taskForces = raw.prepare(`SELECT DISTINCT substr(title, 1, 4) FROM activities WHERE type = 'task_force'`).pluck().all();
    expect(taskForces.length).toBeGreaterThanOrEqual(5);
  });

  it('adds channel work, most of it anti-fraud outreach at outlets with members', () => {
    for (const t of [...CHANNEL, 'micro_lecture']) expect(s.activitiesByType[t] ?? 0, t).toBeGreaterThan(0);
    expect(s.activitiesByType.anti_fraud).toBeGreaterThan(s.activitiesByType.theme_day! * 3);
    expect(one(raw, `SELECT count(*) AS n FROM activities a WHERE type = 'anti_fraud' AND (reach_count IS NULL OR NOT EXISTS (SELECT 1 FROM activity_outlets x WHERE x.activity_id = a.id))`)).toBe(0);
    expect(one(raw, `SELECT count(*) AS n FROM activities WHERE type = 'oath_renewal' AND substr(held_on, 6) <> '07-01'`)).toBe(0);
    // Not at an outlet before it opened.
    expect(one(raw, `SELECT count(*) AS n FROM activities a JOIN activity_outlets x ON x.activity_id = a.id JOIN outlets o ON o.id = x.outlet_id
      WHERE a.type IN ('anti_fraud', 'pioneer_service', 'rural_revitalization') AND a.held_on < o.opened_on`)).toBe(0);
    expect(s.attendance / s.activities).toBeGreaterThan(1.5);
  });

  it('marks attendance only for members of the organisation who had joined by the day', () => {
    expect(one(raw, `SELECT count(*) AS n FROM attendance t JOIN activities a ON a.id = t.activity_id
      LEFT JOIN members m ON m.person_id = t.person_id WHERE m.branch_id IS NOT a.org_id`)).toBe(0);
    expect(one(raw, `SELECT count(*) AS n FROM attendance t JOIN activities a ON a.id = t.activity_id
      JOIN members m ON m.person_id = t.person_id WHERE a.held_on < m.join_date`)).toBe(0);
    expect(one(raw, `SELECT count(*) AS n FROM attendance t JOIN activities a ON a.id = t.activity_id WHERE t.scope_path <> a.scope_path`)).toBe(0);
  });

  it('keeps the injected six-month gaps in the last year', () => {
    const marks = raw.prepare(`
      SELECT m.id, group_concat(a.held_on) AS dates FROM members m
      JOIN party_orgs b ON b.id = m.branch_id AND b.org_type IN ('branch','joint_branch')
      LEFT JOIN attendance t ON t.person_id = m.person_id LEFT JOIN activities a ON a.id = t.activity_id AND a.held_on > '2025-11-15'
      WHERE m.join_date < '2025-11-15' GROUP BY m.id`).all() as { dates: string | null }[];
    const gaps = marks.filter((r) => {
      const d = ['2025-11-15', ...(r.dates ?? '').split(',').filter(Boolean).sort(), '2026-11-15'].map((x) => Date.parse(x));
      return d.some((x, i) => i > 0 && x - d[i - 1]! >= 170 * 86_400_000);
    }).length;
    expect(gaps).toBeGreaterThan(0);
    expect(gaps).toBeLessThanOrEqual(s.defects.gapMembers);
  });

  it('draws channel work from a stream of its own: without it every other row is the same', async () => {
    const q = await fresh();
    await generateProvince(q.store.raw, { counties: 1, seed: 4, years: 5, channelWork: false });
    const rows = (r: Database.Database) =>
      r.prepare(`SELECT id, type, held_on, title FROM activities WHERE type IN (${CADENCE.map(() => '?').join(',')}) ORDER BY id`).all(...CADENCE);
    expect(rows(q.store.raw)).toEqual(rows(raw));
    expect(one(q.store.raw, `SELECT count(*) AS n FROM activities WHERE type IN (${CHANNEL.map(() => '?').join(',')})`, ...CHANNEL)).toBe(0);
  });

  it('is read by the real API: the compliance report counts five years of theme days', async () => {
    const ctx = p.context();
    const r = await dispatch(ctx, 'orgLife.compliance', { from: '2022-01-01', to: '2026-10-31', asOf: DEFAULT_TODAY });
    expect(r.ok).toBe(true);
    const rows = r.ok ? (r.data as { rows: { type: string; periods: { held: number }[] }[] }).rows : [];
    const held = rows.filter((x) => x.type === 'theme_day').reduce((n, x) => n + x.periods.reduce((k, y) => k + y.held, 0), 0);
    expect(held).toBe(one(raw, `SELECT count(*) AS n FROM activities WHERE type = 'theme_day' AND held_on BETWEEN '2022-01-01' AND '2026-10-31'`));
  });

  it('gives the warning board each member\u2019s last organisation life, however long ago, as one read of all five years does', async () => {
    // Two members whose marks of the last year are withdrawn: last present long before the recent months read for everyone.
    const away = raw.prepare(`SELECT m.person_id FROM members m WHERE m.standing = 'normal' AND EXISTS (SELECT 1 FROM attendance t WHERE t.person_id = m.person_id AND t.status = 'present') ORDER BY m.person_id LIMIT 2`).pluck().all() as string[];
    raw.prepare(`UPDATE attendance SET deleted = 1 WHERE person_id IN (?, ?) AND activity_id IN (SELECT id FROM activities WHERE held_on >= '2025-11-01')`).run(...away);
    const facts = await loadMembers(p.store.db, '/hq/', DEFAULT_TODAY);
    const all = new Map((raw.prepare(`SELECT t.person_id, max(a.held_on) AS last_on FROM activities a JOIN attendance t ON t.activity_id = a.id
      AND t.deleted = 0 AND t.status = 'present' WHERE a.deleted = 0 AND a.status = 'held' AND a.held_on <= ? GROUP BY t.person_id`).all(DEFAULT_TODAY) as { person_id: string; last_on: string }[])
      .map((r) => [r.person_id, r.last_on]));
    expect(facts.length).toBe(one(raw, `SELECT count(*) AS n FROM members WHERE standing = 'normal'`));
    for (const f of facts) expect(f.lastOn, f.personId).toBe(all.get(f.personId) ?? null);
    // Some were last present long before the recent months the board reads for everyone, some never.
    for (const id of away) expect(facts.find((f) => f.personId === id)?.lastOn ?? '', id).toMatch(/^202[2-5]-/);
    expect(facts.filter((f) => !f.lastOn).length).toBeGreaterThan(0);
  });

  it('refuses a number of years it cannot make, before writing anything', async () => {
    const q = await fresh();
    for (const years of [0, 11, 1.5]) {
      await expect(generateProvince(q.store.raw, { counties: 1, seed: 4, years })).rejects.toThrow('years must be an integer from 1 to 10');
    }
    expect(one(q.store.raw, `SELECT count(*) AS n FROM outlets`)).toBe(0);
  });
});
