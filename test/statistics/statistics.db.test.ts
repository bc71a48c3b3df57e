// 党内统计 on the synthetic province (two counties, as of 2026-11-15): every count of a county's
// half-year and year-end report is checked against an SQL count written independently here; the
// province's report is the sum of its counties; the Excel file has one sheet per table with the
// scope and period in its title and no person in it; another county's report is refused.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { StatisticsReport } from '../../shared/statistics/types.js';
import { DEFAULT_TODAY, generateProvince } from '../synthetic/generate.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let hq: ApiContext;
let counties: { id: string; name: string; path: string }[];
beforeAll(async () => {
  p = await tempProfile({ role: 'hq_admin', scopePath: '/' });
  await generateProvince(p.store.raw, { counties: 2, seed: 5 });
  hq = { ...p.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`) };
  counties = p.store.raw.prepare(`SELECT id, name, path FROM org_units WHERE level = 'county' AND deleted = 0 ORDER BY path`).all() as typeof counties;
}, 120_000);
afterAll(async () => p?.cleanup());

const q = <T>(s: string, ...args: unknown[]) => p.store.raw.prepare(s).all(...args) as T[];
const n = (s: string, ...args: unknown[]) => Number((p.store.raw.prepare(s).get(...args) as { n: number }).n);
const asMap = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.key, r.n]));

describe('a county’s statistics against independent counts', () => {
  it('counts organisations, members, changes, org life and coverage as the records have them', async () => {
    const c = counties[0]!;
    const like = `${c.path}%`;
    const r = await call(hq, 'statistics.report', { unitId: c.id, year: 2026, period: 'year' });
    expect(r).toMatchObject({ scopeName: c.name, from: '2026-01-01', to: '2026-12-31', asOf: DEFAULT_TODAY });

    expect(asMap(r.orgsByType)).toEqual(Object.fromEntries(q<{ k: string; n: number }>(`SELECT org_type k, count(*) n FROM party_orgs WHERE deleted = 0 AND scope_path LIKE ? GROUP BY 1`, like).map((x) => [x.k, x.n])));
    expect(asMap(r.orgsByMode)).toEqual(Object.fromEntries(q<{ k: string; n: number }>(`SELECT setting_mode k, count(*) n FROM party_orgs WHERE deleted = 0 AND scope_path LIKE ? GROUP BY 1`, like).map((x) => [x.k, x.n])));
    expect(asMap(r.groupsByKind)).toEqual(Object.fromEntries(q<{ k: string; n: number }>(`SELECT kind k, count(*) n FROM party_groups WHERE deleted = 0 AND scope_path LIKE ? GROUP BY 1`, like).map((x) => [x.k, x.n])));
    const orgs = n(`SELECT count(*) n FROM party_orgs WHERE deleted = 0 AND scope_path LIKE ?`, like);
    expect(r.leadership.committee + r.leadership.secretaryOnly + r.leadership.noSecretary).toBe(orgs);
    expect(r.leadership.committee).toBe(n(`SELECT count(DISTINCT org_id) n FROM party_org_committee c JOIN party_orgs o ON o.id = c.org_id AND o.deleted = 0
      WHERE c.deleted = 0 AND c.role <> 'secretary' AND o.scope_path LIKE ?`, like));

    const status = (s: string) => n(`SELECT count(*) n FROM members m, people p WHERE p.id = m.person_id AND p.deleted = 0 AND m.deleted = 0 AND m.standing = 'normal' AND p.political_status = ? AND m.scope_path LIKE ?`, s, like);
    const stage = (s: string) => n(`SELECT count(*) n FROM recruits r, people p WHERE p.id = r.person_id AND p.deleted = 0 AND r.deleted = 0 AND r.stage = ? AND r.scope_path LIKE ?`, s, like);
    const m = asMap(r.members);
    expect(m.full_member).toBe(status('full_member'));
    expect(m.full_member).toBeGreaterThan(50);
    expect(r.members.find((x) => x.key === 'probationary')!.n).toBe(status('probationary'));
    for (const s of ['applicant', 'activist', 'candidate']) expect(r.members.find((x) => x.key === s)!.n).toBe(stage(s));
    expect(r.standing.outbound).toBe(n(`SELECT count(*) n FROM members WHERE deleted = 0 AND standing = 'normal' AND mobility = 'outbound' AND scope_path LIKE ?`, like));
    expect(r.standing.lostContact).toBe(n(`SELECT count(*) n FROM members WHERE deleted = 0 AND standing = 'normal' AND lost_contact = 1 AND scope_path LIKE ?`, like));

    expect(r.flows.admitted).toBe(n(`SELECT count(*) n FROM recruits WHERE deleted = 0 AND probationary_on >= '2026-01-01' AND probationary_on <= '2026-12-31' AND scope_path LIKE ?`, like));
    expect(r.flows.converted).toBe(n(`SELECT count(*) n FROM recruits WHERE deleted = 0 AND full_on >= '2026-01-01' AND full_on <= '2026-12-31' AND scope_path LIKE ?`, like));

    const held = (t: string, to: string) => n(`SELECT count(*) n FROM activities WHERE deleted = 0 AND status = 'held' AND org_id IS NOT NULL AND type = ? AND held_on >= '2026-01-01' AND held_on <= ? AND scope_path LIKE ?`, t, to, like);
    const theme = r.orgLife.find((o) => o.type === 'theme_day')!;
    expect(theme.held).toBe(held('theme_day', DEFAULT_TODAY));
    expect(theme.held).toBeGreaterThan(0);
    // Monthly theme days: January to October are over by 15 November; November counts once held.
    const bound = n(`SELECT count(*) n FROM party_orgs o WHERE o.deleted = 0 AND o.scope_path LIKE ? AND o.org_type IN ('branch','joint_branch','temp_branch')
      AND EXISTS (SELECT 1 FROM members m WHERE m.branch_id = o.id AND m.deleted = 0 AND m.standing = 'normal')`, like);
    expect(theme.obliged).toBe(bound);
    const novHeld = n(`SELECT count(DISTINCT org_id) n FROM activities WHERE deleted = 0 AND status = 'held' AND type = 'theme_day' AND held_on >= '2026-11-01' AND held_on <= ? AND scope_path LIKE ?`, DEFAULT_TODAY, like);
    expect(theme.required).toBe(bound * 10 + novHeld);
    expect(theme.met).toBeLessThanOrEqual(theme.required);
    expect(theme.met / theme.required).toBeGreaterThan(0.6);
    expect(r.orgLife.find((o) => o.type === 'micro_lecture')).toMatchObject({ hasCadence: false, obliged: 0, required: 0 });

    const byChannel = Object.fromEntries(q<{ k: string; n: number; cov: number }>(`SELECT channel_type k, count(*) n, sum(coverage_org_id IS NOT NULL AND coverage_org_id IN (SELECT id FROM party_orgs WHERE deleted = 0)) cov
      FROM outlets WHERE deleted = 0 AND (closed_on IS NULL OR closed_on > ?) AND scope_path LIKE ? GROUP BY 1`, DEFAULT_TODAY, like).map((x) => [x.k, [x.n, x.cov]]));
    expect(Object.fromEntries(r.coverage.filter((x) => x.outlets > 0).map((x) => [x.channelType, [x.outlets, x.covered]]))).toEqual(byChannel);
  });

  it('stops the half-year at 30 June, with six months of theme days due from each bound branch', async () => {
    const c = counties[0]!;
    const h1 = await call(hq, 'statistics.report', { unitId: c.id, year: 2026, period: 'h1' });
    const year = await call(hq, 'statistics.report', { unitId: c.id, year: 2026, period: 'year' });
    expect(h1).toMatchObject({ from: '2026-01-01', to: '2026-06-30', asOf: '2026-06-30' });
    const theme = h1.orgLife.find((o) => o.type === 'theme_day')!;
    expect(theme.required).toBe(theme.obliged * 6);
    expect(theme.held).toBe(n(`SELECT count(*) n FROM activities WHERE deleted = 0 AND status = 'held' AND org_id IS NOT NULL AND type = 'theme_day' AND held_on BETWEEN '2026-01-01' AND '2026-06-30' AND scope_path LIKE ?`, `${c.path}%`));
    expect(theme.held).toBeLessThan(year.orgLife.find((o) => o.type === 'theme_day')!.held);
    expect(h1.flows.admitted).toBeLessThanOrEqual(year.flows.admitted);
    // Stock counts are the records as they stand, whatever the period.
    expect(h1.members).toEqual(year.members);
    const next = await call(hq, 'statistics.report', { unitId: c.id, year: 2027, period: 'year' });
    expect(next.orgLife.every((o) => o.held === 0 && o.required === 0)).toBe(true);
  });

  it('makes the province’s report the sum of its counties’', async () => {
    const all = await call(hq, 'statistics.report', { year: 2026, period: 'year' });
    const parts: StatisticsReport[] = [];
    for (const c of counties) parts.push(await call(hq, 'statistics.report', { unitId: c.id, year: 2026, period: 'year' }));
    const sumOf = (f: (r: StatisticsReport) => number) => parts.reduce((a, r) => a + f(r), 0);
    expect(all.members.map((m) => m.n)).toEqual(all.members.map((_, i) => sumOf((r) => r.members[i]!.n)));
    expect(all.orgLife.map((o) => [o.held, o.required, o.met])).toEqual(all.orgLife.map((_, i) => [sumOf((r) => r.orgLife[i]!.held), sumOf((r) => r.orgLife[i]!.required), sumOf((r) => r.orgLife[i]!.met)]));
    expect(all.coverage.map((c) => c.covered)).toEqual(all.coverage.map((_, i) => sumOf((r) => r.coverage[i]!.covered)));
  });
});

describe('the Excel file and scope', () => {
  it('writes one sheet per table with scope and period in the title, counts only', async () => {
    const c = counties[1]!;
    const f = await call(hq, 'statistics.export', { unitId: c.id, year: 2026, period: 'year' });
    expect(f.fileName).toBe(`党内统计_${c.name}_2026年度_${DEFAULT_TODAY}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表一 党组织', '表二 党员队伍', '表三 党员变动', '表四 组织生活', '表五 网点覆盖']);
    for (const ws of wb.worksheets) expect(String(ws.getCell(1, 1).value)).toContain(`${c.name}党内统计（2026年度）`);
    const r = await call(hq, 'statistics.report', { unitId: c.id, year: 2026, period: 'year' });
    const t2 = wb.getWorksheet('表二 党员队伍')!;
    expect([t2.getCell(3, 1).value, t2.getCell(3, 2).value]).toEqual(['中共党员', r.members[0]!.n]);
    const t4 = wb.getWorksheet('表四 组织生活')!;
    const themeRow = (t4.getSheetValues() as unknown[][]).find((row) => row?.[1] === '主题党日')!;
    const theme = r.orgLife.find((o) => o.type === 'theme_day')!;
    expect(themeRow.slice(3, 7)).toEqual([theme.held, theme.obliged, theme.required, theme.met]);
    const text = wb.worksheets.flatMap((ws) => (ws.getSheetValues() as unknown[][]).flat().map(String)).join('\n');
    const names = q<{ name: string }>(`SELECT p.name FROM people p JOIN members m ON m.person_id = p.id WHERE m.scope_path LIKE ? LIMIT 200`, `${c.path}%`);
    expect(names.length).toBeGreaterThan(0);
    for (const x of names) expect(text).not.toContain(x.name);
  });

  it('refuses another county’s report to a county organiser, and a year out of range', async () => {
    const [a, b] = counties;
    const organiser: ApiContext = { ...hq, session: { ...hq.session, role: 'county_organiser', scopePath: a!.path } };
    const own = await call(organiser, 'statistics.report', { year: 2026, period: 'h1' });
    expect(own.scopeName).toBe(a!.name);
    const other = await dispatch(organiser, 'statistics.report', { unitId: b!.id, year: 2026, period: 'h1' });
    expect(other.ok).toBe(false);
    const bad = await dispatch(organiser, 'statistics.report', { year: 1999, period: 'h1' });
    expect(bad.ok ? null : bad.error.code).toBe('validation');
  });
});

describe('a member moved between counties', () => {
  it('counts out of one county, into the other, and within the province', async () => {
    const [a, b] = counties;
    const pick = p.store.raw.prepare(`SELECT m.person_id AS id FROM members m JOIN people p ON p.id = m.person_id
      WHERE m.deleted = 0 AND m.standing = 'normal' AND m.mobility = 'none' AND m.lost_contact = 0 AND p.political_status = 'full_member' AND m.scope_path LIKE ?
        AND NOT EXISTS (SELECT 1 FROM recruits r WHERE r.person_id = m.person_id) LIMIT 1`).get(`${a!.path}%`) as { id: string };
    const to = p.store.raw.prepare(`SELECT id FROM party_orgs WHERE deleted = 0 AND org_type IN ('branch', 'joint_branch') AND scope_path LIKE ? LIMIT 1`).get(`${b!.path}%`) as { id: string };
    const report = (unitId?: string) => call(hq, 'statistics.report', { ...(unitId ? { unitId } : {}), year: 2026, period: 'year' });
    const before = [await report(a!.id), await report(b!.id), await report()];
    const d = await call(hq, 'people.get', { id: pick.id });
    const m = d.member!;
    await call(hq, 'people.save', {
      id: d.id, name: d.name, gender: d.gender as 'male' | 'female' | null, birthDate: d.birthDate, outletId: null, politicalStatus: d.politicalStatus, consentOn: d.consentOn, notes: d.notes,
      member: { branchId: to.id, groupId: null, joinDate: m.joinDate, fullDate: m.fullDate, standing: 'normal', mobility: 'none', lostContact: false, duesBaseType: m.duesBaseType as 'wage' },
    });
    expect(n(`SELECT count(*) n FROM member_history WHERE person_id = ? AND kind = 'branch' AND to_value = ?`, pick.id, to.id)).toBe(1);
    const after = [await report(a!.id), await report(b!.id), await report()];
    expect(after[0]!.flows.transfersOut - before[0]!.flows.transfersOut).toBe(1);
    expect(after[1]!.flows.transfersIn - before[1]!.flows.transfersIn).toBe(1);
    expect(after[2]!.flows).toMatchObject({ transfersIn: before[2]!.flows.transfersIn, transfersOut: before[2]!.flows.transfersOut, transfersWithin: before[2]!.flows.transfersWithin + 1 });
    expect(after[0]!.members[0]!.n).toBe(before[0]!.members[0]!.n - 1);
    expect(after[1]!.members[0]!.n).toBe(before[1]!.members[0]!.n + 1);
  });
});
