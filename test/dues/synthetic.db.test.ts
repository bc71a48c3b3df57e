// Dues on the synthetic province (test/synthetic/dues.ts): its defects show where an organiser would
// look — members in arrears, members past the 6-month lapse line, members with no base — and an
// instructor sees the same paid/unpaid picture with no amount anywhere.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { DEFAULT_TODAY, generateProvince } from '../synthetic/generate.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let organiser: ApiContext;
let instructor: ApiContext;
beforeAll(async () => {
  p = await tempProfile({ role: 'county_organiser', scopePath: '/' });
  await generateProvince(p.store.raw, { counties: 2, seed: 3 });
  const base = p.context();
  organiser = { ...base, now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`) };
  instructor = { ...organiser, session: { ...organiser.session, role: 'instructor' } };
}, 120_000);
afterAll(async () => p?.cleanup());

it('shows arrears, lapses and missing bases in the generated counties, amounts to the organiser only', async () => {
  const all = await call(organiser, 'dues.list', { limit: 500 });
  const members = (p.store.raw.prepare(`SELECT count(*) AS n FROM members WHERE deleted = 0 AND standing = 'normal'`).get() as { n: number }).n;
  expect(all.total).toBe(members);
  const owing = all.rows.filter((r) => r.owedMonths.length > 0);
  const noBase = all.rows.filter((r) => r.start === null);
  expect(owing.length).toBe(all.owing);
  expect(owing.length / members).toBeGreaterThan(0.03);
  expect(owing.length / members).toBeLessThan(0.4);
  expect(noBase.length).toBeGreaterThan(0);
  expect(all.rows.filter((r) => r.start !== null).every((r) => r.monthly !== null && Number(r.monthly) > 0)).toBe(true);
  expect(all.rows.filter((r) => r.unpaidRun >= 6).length).toBeGreaterThan(0);

  const seen = await call(instructor, 'dues.list', { limit: 500 });
  expect(seen.rows.map((r) => [r.personId, r.owedMonths.length, r.thisMonthPaid])).toEqual(all.rows.map((r) => [r.personId, r.owedMonths.length, r.thisMonthPaid]));
  expect(seen.rows.every((r) => r.owed === null && r.monthly === null)).toBe(true);

  const st = await call(organiser, 'standing.list', { flag: 'lapse_risk', limit: 500 });
  const lapsedByDues = all.rows.filter((r) => r.unpaidRun >= 6).map((r) => r.personId);
  for (const id of lapsedByDues) expect(st.rows.map((r) => r.personId)).toContain(id);
});
