// The synthetic province's injected defects light up where DOMAIN.md says: bad check digits and
// duplicate registrations on their outlets' data quality, six-month gaps as months without
// organisation life; organisations that kept their cadence with everyone present are green.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { openProfile, type Profile } from '../../db/profile.js';
import { wholeMonthsBetween } from '../../shared/assessment/lights.js';
import type { Board, BoardLight } from '../../shared/assessment/types.js';
import { isValidCitizenId } from '../../shared/domain/citizenId.js';
import { addDays, periodOf } from '../../shared/orglife/periods.js';
import { call } from '../support/builders.js';
import { DEFAULT_TODAY } from '../synthetic/generate.js';
import { seedProfile } from '../synthetic/seedProfile.js';

let dir: string;
let profile: Profile;
let ctx: ApiContext;
let county: { id: string; path: string };
const boards = new Map<string, Board>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-assess-'));
  await seedProfile({ counties: 2, seed: 5, dir });
  profile = await openProfile(dir);
  ctx = { ...profile.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`) };
  county = profile.store.raw.prepare(`SELECT id, path FROM org_units WHERE level = 'county' ORDER BY path LIMIT 1`).get() as { id: string; path: string };
}, 120_000);
afterAll(async () => {
  await profile.store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function boardOf(period: string): Promise<Board> {
  // the whole (two-county) province: a 2% defect needs more than one county's members to show
  if (!boards.has(period)) boards.set(period, await call(ctx, 'assessment.board', { period }));
  return boards.get(period)!;
}
const find = (b: Board, kind: string, id: string, indicator: string): BoardLight | undefined =>
  b.lights.find((l) => l.subjectKind === kind && l.subjectId === id && l.indicator === indicator);
const rows = <T>(sql: string, ...args: unknown[]) => profile.store.raw.prepare(sql).all(...args) as T[];

describe('synthetic province on the board', () => {
  it('puts every bad check digit on its outlet\u2019s data quality, below 97% there', async () => {
    const b = await boardOf(DEFAULT_TODAY.slice(0, 7));
    const people = rows<{ id: string; citizen_id: string; outlet_id: string }>(`SELECT id, citizen_id, outlet_id FROM people WHERE citizen_id IS NOT NULL AND scope_path >= ? AND scope_path < ?`, county.path, `${county.path}\uffff`);
    const bad = people.filter((p) => !isValidCitizenId(p.citizen_id));
    expect(bad.length).toBeGreaterThan(3);
    for (const p of bad) {
      const l = find(b, 'outlet', p.outlet_id, 'data_quality')!;
      expect(l.value!).toBeLessThan(1);
      expect(l.colour).toBe(l.value! < 0.97 ? 'red' : 'yellow');
      expect(l.causes.find((c) => c.id === p.id)?.detail?.zh).toContain('身份证号校验不通过');
    }
    const c = find(b, 'county', county.id, 'data_quality')!;
    expect(c.derived).toBe(false);
    expect(c.causeCount).toBeGreaterThanOrEqual(bad.length);
  });

  it('names both registrations of a duplicated person', async () => {
    const b = await boardOf(DEFAULT_TODAY.slice(0, 7));
    const pairs = rows<{ a: string; b: string; ao: string; bo: string }>(`SELECT a.id AS a, b.id AS b, a.outlet_id AS ao, b.outlet_id AS bo FROM people a JOIN people b ON a.id < b.id AND a.name = b.name AND a.birth_date = b.birth_date
      AND a.outlet_id <> b.outlet_id AND (a.citizen_id = b.citizen_id OR a.phone = b.phone) WHERE a.scope_path >= ? AND a.scope_path < ? AND b.scope_path >= ? AND b.scope_path < ?`,
    county.path, `${county.path}\uffff`, county.path, `${county.path}\uffff`);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      for (const [id, outlet] of [[p.a, p.ao], [p.b, p.bo]] as const) {
        const l = find(b, 'outlet', outlet, 'data_quality')!;
        expect(l.colour).not.toBe('green');
        expect(l.causes.find((c) => c.id === id)?.detail?.zh).toContain('疑似重复登记');
      }
    }
  });

  it('shows a six-month gap as months without organisation life, red from the fifth month', async () => {
    // members with ≥170 days between two attendances: the injected gaps
    const marks = rows<{ person_id: string; branch_id: string; join_date: string; dates: string }>(`
      SELECT m.person_id, m.branch_id, m.join_date, group_concat(a.held_on) AS dates FROM members m
      JOIN attendance t ON t.person_id = m.person_id AND t.status = 'present' JOIN activities a ON a.id = t.activity_id
      WHERE m.standing = 'normal' GROUP BY m.person_id`);
    const recordsFrom = rows<{ first: string }>(`SELECT min(held_on) AS first FROM activities WHERE deleted = 0 AND status = 'held'`)[0]!.first;
    let reds = 0;
    let checked = 0;
    for (const m of marks) {
      // a gap between two attendances, or one that runs up to today
      const d = [addDays(DEFAULT_TODAY, -365), ...m.dates.split(',').sort(), DEFAULT_TODAY];
      const i = d.findIndex((x, k) => k > 0 && Date.parse(x) - Date.parse(d[k - 1]!) >= 170 * 86_400_000);
      if (i < 0) continue;
      // judged on the last day of the month before attendance resumed (or today)
      const month = i === d.length - 1 ? periodOf(DEFAULT_TODAY, 'month') : periodOf(addDays(periodOf(d[i]!, 'month').start, -1), 'month');
      const asOf = month.end < DEFAULT_TODAY ? month.end : DEFAULT_TODAY;
      // a gap from the start of the generated year: the board counts from the join date or the first
      // recorded activity, whichever is later (before the records begin nothing can be told)
      const floor = recordsFrom > m.join_date ? recordsFrom : m.join_date;
      const last = i > 1 && d[i - 1]! > floor ? d[i - 1]! : floor;
      const months = wholeMonthsBetween(last, asOf);
      // joined late in the year: no gap as of that day
      if (months < 3) continue;
      const l = find(await boardOf(month.key), 'org', m.branch_id, 'member_gap')!;
      const cause = l.causes.find((c) => c.id === m.person_id)!;
      expect(cause.detail!.zh).toContain(`${months} 个月未参加组织生活`);
      // the organisation's light is its worst member's: at least this member's colour
      expect(l.colour === 'red' || (months < 5 && l.colour === 'yellow')).toBe(true);
      if (months >= 5) reds++;
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(reds).toBeGreaterThan(0);
  });

  it('has organisations green on every light they have', async () => {
    const b = await boardOf('2026-10');
    const orgs = new Map<string, BoardLight[]>();
    for (const l of b.lights.filter((x) => x.subjectKind === 'org')) orgs.set(l.subjectId, [...(orgs.get(l.subjectId) ?? []), l]);
    const green = [...orgs.values()].filter((ls) => ls.length >= 3 && ls.every((l) => l.colour === 'green'));
    expect(green.length).toBeGreaterThan(0);
    // and a green one has no cause to show
    for (const ls of green) for (const l of ls) expect(l.causes).toEqual([]);
  });
});
