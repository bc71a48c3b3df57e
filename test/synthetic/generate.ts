// Deterministic synthetic province (DOMAIN.md, "Realistic synthetic data"): the same counties and
// seed give the same rows, ids included. Writes with raw prepared statements, one transaction per
// county (a province with years of history is millions of rows: the write-ahead log stays small).
import type Database from 'better-sqlite3';
import { flushSearch } from '../../db/people/searchBulk.js';
import { buildActivities } from './activities.js';
import { buildChannelWork } from './channelWork.js';
import { buildCounty } from './county.js';
import { provinceCounties } from './geography.js';
import { bulkLoad, insertRows, loadCaptureSuppressor, dropSecondaryIndexes, rebuildIndexes, type CaptureSuppressor, type Row } from './insert.js';
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
  /** Years of organisation life before `today` (1 to 10; default 1, the figures the tests pin). */
  years?: number;
  /**
   * The frequent channel-work records (anti-fraud outreach, vanguard service, micro lectures,
   * quizzes, 七一 oath renewal; test/synthetic/channelWork.ts). Default: on when `years` > 1.
   */
  channelWork?: boolean;
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
  /** Seconds spent building rows in memory and writing them (the summary's counts excluded). */
  buildSeconds: number;
  writeSeconds: number;
  /** Rows and milliseconds spent inserting them, per table. */
  writeByTable: Record<string, { rows: number; ms: number }>;
}

// Parents before children, except members before people: index triggers on people (the registry's
// search index) then see a person's branch on the first pass instead of re-indexing on the member insert.
const TABLE_ORDER = [
  'org_units', 'org_unit_links', 'party_orgs', 'outlets', 'party_org_outlets', 'members', 'people', 'party_org_committee', 'party_groups',
  'recruits', 'instructors', 'instructor_assignments', 'activities', 'activity_outlets', 'attendance',
];
/** The big tables whose secondary indexes are built once at the end rather than grown row by row. */
const INDEXED_AFTER = ['outlets', 'members', 'people', 'instructor_assignments', 'activities', 'activity_outlets', 'attendance', 'dues_payments'];
const INDEXED_ALONG = ['people_outlet', 'members_branch'];

interface WriteTimes {
  write: number;
  byTable: Record<string, { rows: number; ms: number }>;
}

function flush(raw: Database.Database, tables: Map<string, Row[]>, t: WriteTimes): number {
  const t0 = performance.now();
  let n = 0;
  const order = [...TABLE_ORDER, ...[...tables.keys()].filter((t) => !TABLE_ORDER.includes(t))];
  for (const table of order) {
    const rows = tables.get(table) ?? [];
    const t1 = performance.now();
    insertRows(raw, table, rows);
    const w = (t.byTable[table] ??= { rows: 0, ms: 0 });
    w.rows += rows.length;
    w.ms += performance.now() - t1;
    n += rows.length;
  }
  t.write += performance.now() - t0;
  return n;
}

export async function generateProvince(raw: Database.Database, opts: GenerateOptions): Promise<GenerateSummary> {
  if (!Number.isInteger(opts.counties) || opts.counties < 1) throw new Error('counties must be a positive integer');
  const years = opts.years ?? 1;
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new Error('years must be an integer from 1 to 10');
  const today = opts.today ?? DEFAULT_TODAY;
  const g: Gen = {
    seed: opts.seed >>> 0,
    today,
    years,
    channelWork: opts.channelWork ?? years > 1,
    stamp: `${today}T00:00:00.000Z`,
    ids: new IdMaker(opts.seed >>> 0, toMs(today) - 30 * 86_400_000),
    persons: new PersonFactory(today),
    defects: { badCheckDigits: 0, duplicatePeople: 0, gapMembers: 0, uncoveredOutlets: 0 },
  };
  const { cities, counties } = provinceCounties(opts.counties, Rng.derive(g.seed, 'geography'));
  const suppress = opts.suppressCapture !== undefined ? opts.suppressCapture : await loadCaptureSuppressor();
  let rows = 0;
  const started = performance.now();
  const t: WriteTimes = { write: 0, byTable: {} };
  const cityIds = bulkLoad(raw, () => {
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
    rows += flush(raw, top, t);
    return cityIds;
  }, suppress);
  const writeCounty = (county: (typeof counties)[number], i: number) =>
    bulkLoad(raw, () => {
      const city = cityIds[county.city.index]!;
      const m: CountyModel = buildCounty(g, county, i, city.id, city.path);
      buildOrgs(g, m, city.org);
      buildInstructors(g, m);
      buildRecruits(g, m);
      buildActivities(g, m);
      buildDues(g, m);
      buildWork334(g, m);
      buildChannelWork(g, m);
      rows += flush(raw, m.tables, t);
    }, suppress);
  // Dropped, then built again even when a county fails (the store stays usable); people are indexed
  // for search in one set-based pass at the end, as a sync's bulk apply does.
  const dropped = dropSecondaryIndexes(raw, INDEXED_AFTER, INDEXED_ALONG);
  raw.prepare(`INSERT INTO people_search_defer (on_since) VALUES ('synthetic')`).run();
  try {
    counties.forEach(writeCounty);
  } finally {
    const t0 = performance.now();
    rebuildIndexes(raw, dropped);
    const t1 = performance.now();
    bulkLoad(raw, () => flushSearch(raw), suppress);
    t.byTable.indexes = { rows: dropped.length, ms: t1 - t0 };
    t.byTable.people_search = { rows: 0, ms: performance.now() - t1 };
    t.write += performance.now() - t0;
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(raw), defects: g.defects, rows, buildSeconds: seconds - t.write / 1000, writeSeconds: t.write / 1000, writeByTable: t.byTable };
}

function countBy(raw: Database.Database, sql: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of raw.prepare(sql).all() as { k: string; n: number }[]) out[r.k] = r.n;
  return out;
}

const one = (raw: Database.Database, sql: string) => (raw.prepare(sql).get() as { n: number }).n;

/** Counts of what is in the store (synthetic rows only). */
export function summarize(raw: Database.Database): Omit<GenerateSummary, 'defects' | 'rows' | 'buildSeconds' | 'writeSeconds' | 'writeByTable'> {
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
