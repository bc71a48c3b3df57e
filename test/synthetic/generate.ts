// Deterministic synthetic province (DOMAIN.md, "Realistic synthetic data"): the same counties and
// seed give the same rows, ids included. Writes with raw prepared statements in one bulk load.
import type Database from 'better-sqlite3';
import { buildActivities } from './activities.js';
import { buildCounty } from './county.js';
import { provinceCounties } from './geography.js';
import { bulkLoad, insertRows, loadCaptureSuppressor, type CaptureSuppressor, type Row } from './insert.js';
import { buildInstructors } from './instructors.js';
import { synced, type CountyModel, type Gen } from './model.js';
import { buildOrgs } from './orgs.js';
import { PersonFactory } from './people.js';
import { IdMaker, Rng, toMs } from './prng.js';
import { buildRecruits } from './recruits.js';
import { buildDues } from './dues.js';
import { buildWork334 } from './work334.js';

export const DEFAULT_TODAY = '2026-11-15';

export interface GenerateOptions {
  counties: number;
  seed: number;
  /** The day the data is "as of" (activities cover the 12 months before it). Fixed by default. */
  today?: string;
  /**
   * Wraps the bulk load so change capture does not record it as local changes to send. Defaults to
   * db/sync/capture.ts's suppressCapture when that exists; pass null to let capture see the load.
   */
  suppressCapture?: CaptureSuppressor | null;
}

export interface GenerateSummary {
  cities: number;
  counties: number;
  grids: number;
  outlets: number;
  outletsByType: Record<string, number>;
  outletsWithoutMembers: number;
  people: number;
  members: number;
  probationary: number;
  outbound: number;
  recruitsByStage: Record<string, number>;
  partyOrgsByType: Record<string, number>;
  partyGroups: number;
  committeeSeats: number;
  instructors: number;
  contactPoints: number;
  outletsWithoutInstructor: number;
  activities: number;
  activitiesByType: Record<string, number>;
  attendance: number;
  defects: Gen['defects'];
  rows: number;
}

// Parents before children, except members before people: index triggers on people (the registry's
// search index) then see a person's branch on the first pass instead of re-indexing on the member insert.
const TABLE_ORDER = [
  'org_units', 'org_unit_links', 'party_orgs', 'outlets', 'party_org_outlets', 'members', 'people', 'party_org_committee', 'party_groups',
  'recruits', 'instructors', 'instructor_assignments', 'activities', 'activity_outlets', 'attendance',
];

function flush(raw: Database.Database, tables: Map<string, Row[]>): number {
  let n = 0;
  const order = [...TABLE_ORDER, ...[...tables.keys()].filter((t) => !TABLE_ORDER.includes(t))];
  for (const t of order) {
    const rows = tables.get(t) ?? [];
    insertRows(raw, t, rows);
    n += rows.length;
  }
  return n;
}

export async function generateProvince(raw: Database.Database, opts: GenerateOptions): Promise<GenerateSummary> {
  if (!Number.isInteger(opts.counties) || opts.counties < 1) throw new Error('counties must be a positive integer');
  const today = opts.today ?? DEFAULT_TODAY;
  const g: Gen = {
    seed: opts.seed >>> 0,
    today,
    stamp: `${today}T00:00:00.000Z`,
    ids: new IdMaker(opts.seed >>> 0, toMs(today) - 30 * 86_400_000),
    persons: new PersonFactory(today),
    defects: { badCheckDigits: 0, duplicatePeople: 0, gapMembers: 0, uncoveredOutlets: 0 },
  };
  const { cities, counties } = provinceCounties(opts.counties, Rng.derive(g.seed, 'geography'));
  const suppress = opts.suppressCapture !== undefined ? opts.suppressCapture : await loadCaptureSuppressor();
  let rows = 0;
  bulkLoad(raw, () => {
    const top = new Map<string, Row[]>();
    const add = (t: string, r: Row) => (top.get(t) ?? top.set(t, []).get(t)!).push(r);
    const unit = (id: string, code: string, name: string, level: string, parent: string | null, path: string, sort: number) => {
      add('org_units', { id, code, name, level, parent_id: parent, path, sort, ...synced(path, g.stamp) });
      add('org_unit_links', { id: g.ids.next(), unit_id: id, parent_id: parent, valid_from: '2018-01-01', valid_to: null, ...synced(path, g.stamp) });
    };
    const org = (id: string, name: string, parent: string | null, unitId: string, path: string) =>
      add('party_orgs', {
        id, name, org_type: 'committee', setting_mode: 'standalone', pairing_ratio: null, alliance_sector: null, parent_org_id: parent,
        unit_id: unitId, secretary_person_id: null, term_start: '2024-03-01', term_end: '2029-02-28', ...synced(path, g.stamp),
      });
    const hq = { id: g.ids.next(), org: g.ids.next() };
    unit(hq.id, 'hq', '省公司', 'hq', null, '/hq/', 0);
    org(hq.org, '中共省公司委员会', null, hq.id, '/hq/');
    const cityIds = cities.map((c) => {
      const ids = { id: g.ids.next(), org: g.ids.next(), path: `/hq/${c.code}/` };
      unit(ids.id, c.code, `${c.name}分公司`, 'city', hq.id, ids.path, c.index);
      org(ids.org, `中共${c.name}分公司委员会`, hq.org, ids.id, ids.path);
      return ids;
    });
    rows += flush(raw, top);
    counties.forEach((county, i) => {
      const city = cityIds[county.city.index]!;
      const m: CountyModel = buildCounty(g, county, i, city.id, city.path);
      buildOrgs(g, m, city.org);
      buildInstructors(g, m);
      buildRecruits(g, m);
      buildActivities(g, m);
      buildDues(g, m);
      buildWork334(g, m);
      rows += flush(raw, m.tables);
    });
  }, suppress);
  return { ...summarize(raw), defects: g.defects, rows };
}

function countBy(raw: Database.Database, sql: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of raw.prepare(sql).all() as { k: string; n: number }[]) out[r.k] = r.n;
  return out;
}

const one = (raw: Database.Database, sql: string) => (raw.prepare(sql).get() as { n: number }).n;

/** Counts of what is in the store (synthetic rows only). */
export function summarize(raw: Database.Database): Omit<GenerateSummary, 'defects' | 'rows'> {
  const units = countBy(raw, `SELECT level AS k, count(*) AS n FROM org_units WHERE synthetic = 1 GROUP BY level`);
  const outletsByType = countBy(raw, `SELECT channel_type AS k, count(*) AS n FROM outlets WHERE synthetic = 1 GROUP BY channel_type ORDER BY n DESC`);
  const activitiesByType = countBy(raw, `SELECT type AS k, count(*) AS n FROM activities WHERE synthetic = 1 GROUP BY type ORDER BY n DESC`);
  return {
    cities: units.city ?? 0,
    counties: units.county ?? 0,
    grids: units.grid ?? 0,
    outlets: Object.values(outletsByType).reduce((a, b) => a + b, 0),
    outletsByType,
    outletsWithoutMembers: one(raw, `SELECT count(*) AS n FROM outlets o WHERE o.synthetic = 1 AND NOT EXISTS (SELECT 1 FROM people p JOIN members m ON m.person_id = p.id WHERE p.outlet_id = o.id)`),
    people: one(raw, `SELECT count(*) AS n FROM people WHERE synthetic = 1`),
    members: one(raw, `SELECT count(*) AS n FROM members WHERE synthetic = 1`),
    probationary: one(raw, `SELECT count(*) AS n FROM people WHERE synthetic = 1 AND political_status = 'probationary'`),
    outbound: one(raw, `SELECT count(*) AS n FROM members WHERE synthetic = 1 AND mobility = 'outbound'`),
    recruitsByStage: countBy(raw, `SELECT stage AS k, count(*) AS n FROM recruits WHERE synthetic = 1 GROUP BY stage`),
    partyOrgsByType: countBy(raw, `SELECT org_type || '/' || setting_mode AS k, count(*) AS n FROM party_orgs WHERE synthetic = 1 GROUP BY k ORDER BY n DESC`),
    partyGroups: one(raw, `SELECT count(*) AS n FROM party_groups WHERE synthetic = 1`),
    committeeSeats: one(raw, `SELECT count(*) AS n FROM party_org_committee WHERE synthetic = 1`),
    instructors: one(raw, `SELECT count(*) AS n FROM instructors WHERE synthetic = 1`),
    contactPoints: one(raw, `SELECT count(*) AS n FROM outlets WHERE synthetic = 1 AND is_contact_point = 1`),
    outletsWithoutInstructor: one(raw, `SELECT count(*) AS n FROM outlets WHERE synthetic = 1 AND instructor_id IS NULL`),
    activities: Object.values(activitiesByType).reduce((a, b) => a + b, 0),
    activitiesByType,
    attendance: one(raw, `SELECT count(*) AS n FROM attendance WHERE synthetic = 1`),
  };
}
