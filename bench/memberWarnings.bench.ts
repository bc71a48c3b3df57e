// The member-warnings list (党员预警: lapse risk, lost contact, transfer due) of one county the size
// issue 13 names — ~250 outlets, ~700 members, a year of activities, attendance and dues — through
// the real API, against the bare grouped SQL it rests on, in the same run. Target: first page
// < 100 ms (p95).
//
// DOMAIN.md's synthetic counties hold ~100–200 members, so the county is made: the synthetic county
// with ~250 outlets (seed 1) on a copy of the dues bench's cached profile, its members cloned —
// person, membership, attendance marks on the same activities, dues bases and payments — until it
// holds ~700. Clones keep their originals' branch, outlet and history, so the flags keep their mix.
import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { suppressCapture } from '../db/sync/capture.js';
import { addMonth } from '../shared/dues/rules.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';
import { cachedProfile } from '../test/synthetic/seedProfile.js';
import { defineBench, type Target } from './harness.js';

const COUNTIES = 4;
const SEED = 1;
const MEMBERS = Number(process.env.BENCH_WARNINGS_MEMBERS ?? 700);
const RUNS = Number(process.env.BENCH_WARNINGS_RUNS ?? 30);
const FIRST_PAGE: Target = { stat: 'p95', ms: 100, label: 'first page < 100 ms' };

async function call(ctx: ApiContext, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

const cols = (raw: Database.Database, t: string) => (raw.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name);

/** Clones the county's members (copy k gets ids whose first hex digit is k) until it holds `target`. */
function densify(raw: Database.Database, path: string, target: number): number {
  const end = path + '\uffff';
  const ids = (raw.prepare(`SELECT person_id AS id FROM members WHERE deleted = 0 AND standing = 'normal' AND scope_path >= ? AND scope_path < ? ORDER BY person_id`).all(path, end) as { id: string }[]).map((r) => r.id);
  raw.exec(`CREATE TEMP TABLE bench_clone (person_id TEXT NOT NULL, k INTEGER NOT NULL)`);
  const add = raw.prepare(`INSERT INTO bench_clone VALUES (?, ?)`);
  for (let k = 1, n = ids.length; n < target && k < 10; k++) for (const id of ids) if (n++ < target) add.run(id, k);
  const newId = (col: string) => `printf('%x', c.k) || substr(x.${col}, 2)`;
  // Every cloned row gets a new id; rows naming a person follow their clone.
  const clone = (t: string, personCol: string, over: Record<string, string> = {}) => {
    const list = cols(raw, t);
    const expr = list.map((c) => over[c] ?? (c === 'id' ? newId('id') : c === personCol ? newId(personCol) : `x.${c}`));
    raw.exec(`INSERT INTO ${t} (${list.join(', ')}) SELECT ${expr.join(', ')} FROM ${t} x JOIN bench_clone c ON c.person_id = x.${personCol} WHERE x.deleted = 0`);
  };
  suppressCapture(raw, () =>
    raw.transaction(() => {
      clone('members', 'person_id');
      clone('people', 'id', { citizen_id: 'NULL', phone: 'NULL' });
      clone('attendance', 'person_id');
      clone('dues_bases', 'person_id');
      clone('dues_payments', 'person_id');
    })(),
  );
  const n = (raw.prepare(`SELECT count(*) AS n FROM bench_clone`).get() as { n: number }).n;
  raw.exec(`DROP TABLE bench_clone`);
  raw.exec(`ANALYZE`);
  return n;
}

export default defineBench({
  name: 'memberWarnings',
  description: `member warnings (standing.list) of a county of ~250 outlets and ~${MEMBERS} members with a year of records (synthetic, seed ${SEED}, densified)`,
  async run(b) {
    const src = resolve('profiles', 'bench-cache', `member-warnings-src-${COUNTIES}-${SEED}`);
    // A cache whose store ran a migration that a later-named one now precedes cannot open: made anew.
    const cache = await cachedProfile(src, COUNTIES, SEED).catch((e: unknown) => {
      if (!String(e).includes('corrupted migrations')) throw e;
      rmSync(src, { recursive: true, force: true });
      return cachedProfile(src, COUNTIES, SEED);
    });
    b.figure('source profile', cache.reused ? 'cached' : `generated in ${cache.seconds.toFixed(1)} s`);
    const dir = resolve('profiles', 'bench-cache', `member-warnings-${COUNTIES}-${SEED}-${MEMBERS}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(src, dir, { recursive: true });
    const profile = await openProfile(dir);
    try {
      const raw = profile.store.raw;
      const county = raw
        .prepare(`SELECT u.id, u.path, u.name, (SELECT count(*) FROM outlets o WHERE o.deleted = 0 AND o.scope_path >= u.path AND o.scope_path < u.path || char(65535)) AS outlets
          FROM org_units u WHERE u.level = 'county' ORDER BY abs(outlets - 250) LIMIT 1`)
        .get() as { id: string; path: string; name: string; outlets: number };
      const args = [county.path, county.path + '\uffff'];
      const n = (sql: string) => (raw.prepare(sql).get(...args) as { n: number }).n;
      b.figure('cloned members', densify(raw, county.path, MEMBERS));
      b.figure('county', `${county.name}: ${county.outlets} outlets`);
      b.figure('members', n(`SELECT count(*) AS n FROM members WHERE deleted = 0 AND standing = 'normal' AND scope_path >= ? AND scope_path < ?`));
      b.figure('activities held in the year', n(`SELECT count(*) AS n FROM activities WHERE deleted = 0 AND status = 'held' AND scope_path >= ? AND scope_path < ?`));
      b.figure('attendance marks', n(`SELECT count(*) AS n FROM attendance a JOIN activities x ON x.id = a.activity_id WHERE a.deleted = 0 AND x.scope_path >= ? AND x.scope_path < ?`));
      b.figure('dues payments', n(`SELECT count(*) AS n FROM dues_payments WHERE deleted = 0 AND scope_path >= ? AND scope_path < ?`));
      const ctx: ApiContext = { ...profile.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`), session: { ...profile.session, role: 'county_organiser', scopePath: county.path } };

      // What the list rests on, by hand: members, each one's last present mark, paid months and bases.
      const members = raw.prepare(`SELECT m.person_id, p.name, o.name AS branch, m.join_date, m.mobility, m.mobility_since, m.lost_contact FROM members m
        JOIN people p ON p.id = m.person_id AND p.deleted = 0 LEFT JOIN party_orgs o ON o.id = m.branch_id
        WHERE m.deleted = 0 AND m.standing = 'normal' AND m.scope_path >= ? AND m.scope_path < ?`);
      // the marks of the last 7 months (the rules' window) for everyone, the earlier ones only for the few not seen
      const since = `${addMonth(DEFAULT_TODAY.slice(0, 7), -7)}-01`;
      const recent = raw.prepare(`SELECT a.person_id, max(x.held_on) AS last FROM activities x CROSS JOIN attendance a ON a.activity_id = x.id AND a.deleted = 0 AND a.status = 'present'
        WHERE x.deleted = 0 AND x.status = 'held' AND x.scope_path >= ? AND x.scope_path < ? AND x.held_on >= ? GROUP BY a.person_id`);
      const yearAtOnce = raw.prepare(`SELECT a.person_id, max(x.held_on) AS last FROM activities x JOIN attendance a ON a.activity_id = x.id
        WHERE x.deleted = 0 AND x.status = 'held' AND x.scope_path >= ? AND x.scope_path < ? AND a.deleted = ? AND a.status = ? GROUP BY a.person_id`);
      const paid = raw.prepare(`SELECT person_id, group_concat(month) AS months FROM dues_payments WHERE deleted = 0 AND scope_path >= ? AND scope_path < ? GROUP BY +person_id`);
      const bases = raw.prepare(`SELECT person_id, from_month, category, base_fen FROM dues_bases WHERE deleted = 0 AND scope_path >= ? AND scope_path < ? ORDER BY from_month`);
      const BARE = 'members, recent attendance, paid months, bases: bare SQL (baseline)';
      await b.measure(BARE, () => [members.all(...args), recent.all(...args, since), paid.all(...args), bases.all(...args)], { runs: RUNS * 2 });
      await b.measure('last attendance, a year of marks grouped at once (the former read, bare SQL)', () => yearAtOnce.all(...args, 0, 'present'), { runs: RUNS });

      const page = (await call(ctx, 'standing.list', { limit: 20 })) as { total: number; counts: Record<string, number> };
      b.figure('flagged members (lapse / lost contact / transfer)', `${page.total} (${page.counts.lapse_risk} / ${page.counts.lost_contact} / ${page.counts.transfer_due})`);
      await b.measure('member warnings, first page (API)', () => call(ctx, 'standing.list', { limit: 20 }), { runs: RUNS, baseline: BARE, target: FIRST_PAGE });
      await b.measure('member warnings, lapse risk only, first page (API)', () => call(ctx, 'standing.list', { flag: 'lapse_risk', limit: 20 }), { runs: RUNS, baseline: BARE, target: FIRST_PAGE });
    } finally {
      await profile.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
