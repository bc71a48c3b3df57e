// How much a past month's board pays for the tree of its time (db/assessment/pastTree.ts), on a copy
// of the 100-county synthetic province (assessment bench's cache, never written): the province board
// for a past month at an HQ administrator's scope (1) with no history (as every store before record
// history: one look, then today's queries), (2) after a season of tree changes captured in history
// (outlets moved between grids, re-covered, organisations deleted and created), history having begun
// before the month. Also the tree loaders alone: today's queries against the rewound ones.
// Run: npx tsx bench/pastTree.ts [runs]
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispatch } from '../db/api/index.js';
import { loadMembers, loadOrgs, loadOutlets, loadScopeFacts, loadUnits } from '../db/assessment/facts.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';

const RUNS = Number(process.argv[2] ?? 7);
const PAST = '2026-06';
const END = '2026-06-30';

async function time(label: string, fn: () => Promise<unknown>, before?: () => unknown): Promise<number> {
  before?.();
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p50 = ms[Math.floor(ms.length / 2)]!;
  console.log(`${label.padEnd(64)} p50 ${p50.toFixed(1)} ms  min ${ms[0]!.toFixed(1)}  max ${ms.at(-1)!.toFixed(1)}`);
  return p50;
}

const src = resolve('profiles', 'bench-cache', 'assessment-100-1', 'red-channel.db');
const dir = mkdtempSync(join(tmpdir(), 'rc-pasttree-'));
try {
  const from = new Database(src, { readonly: true });
  await from.backup(join(dir, 'red-channel.db'));
  from.close();
  const profile = await openProfile(dir);
  const raw = profile.store.raw;
  const hq: ApiContext = { ...profile.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`), session: { ...profile.session, role: 'hq_admin', scopePath: '/' } };
  const board = async () => {
    const r = await dispatch(hq, 'assessment.board', { period: PAST });
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  // The board's lights are kept while nothing is written (db/assessment/lightsMemo.ts): a meta row
  // written again before each run, untimed, makes each timed board a computed one.
  const touch = raw.prepare(`UPDATE meta SET value = value WHERE key = 'device_id'`);
  const written = () => touch.run();
  const todayLoaders = async () => [await loadUnits(hq.db, '/'), await loadOutlets(hq.db, '/', END), await loadOrgs(hq.db, '/'), await loadMembers(hq.db, '/', END)];
  console.log(`province copy: ${(raw.prepare(`SELECT count(*) AS n FROM outlets WHERE deleted = 0`).get() as { n: number }).n} outlets, history rows ${(raw.prepare(`SELECT count(*) AS n FROM record_history`).get() as { n: number }).n}`);
  await time('tree loaders, today’s queries', todayLoaders);
  await time('tree loaders via loadScopeFacts, no history', () => loadScopeFacts(hq.db, '/', END));
  const before = await time(`province board ${PAST}, no history`, board, written);

  // History began in May (an entry fetched from HQ then), and the tree changed since June ended.
  raw.prepare(`INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, hlc, source) VALUES ('meta', 'x', '/', 'update', 'x', NULL, NULL, '0190000000000000bench', 'sync')`).run();
  const grids = raw.prepare(`SELECT id, path, parent_id FROM org_units WHERE level = 'grid' AND deleted = 0`).all() as { id: string; path: string; parent_id: string }[];
  const outlets = raw.prepare(`SELECT id FROM outlets WHERE deleted = 0 ORDER BY id LIMIT 2000`).all() as { id: string }[];
  const orgs = raw.prepare(`SELECT o.id FROM party_orgs o WHERE o.deleted = 0 AND NOT EXISTS (SELECT 1 FROM members m WHERE m.branch_id = o.id AND m.deleted = 0) LIMIT 200`).all() as { id: string }[];
  const move = raw.prepare(`UPDATE outlets SET grid_id = ?, county_id = ?, scope_path = ?, coverage_org_id = NULL, updated_at = 'x' WHERE id = ?`);
  const del = raw.prepare(`UPDATE party_orgs SET deleted = 1, updated_at = 'x' WHERE id = ?`);
  const add = raw.prepare(`INSERT INTO party_orgs (id, name, org_type, setting_mode, unit_id, scope_path, created_at, updated_at) VALUES (?, ?, 'branch', 'standalone', ?, ?, 'x', 'x')`);
  raw.transaction(() => {
    outlets.forEach((o, i) => {
      const g = grids[(i * 7) % grids.length]!;
      move.run(g.id, g.parent_id, g.path, o.id);
    });
    for (const o of orgs) del.run(o.id);
    grids.slice(0, 200).forEach((g, i) => add.run(`bench-org-${i}`, `新建党支部${i}`, g.parent_id, g.path));
  })();
  console.log(`changed since ${END}: ${outlets.length} outlets moved and uncovered, ${orgs.length} organisations deleted, 200 created; history rows ${(raw.prepare(`SELECT count(*) AS n FROM record_history`).get() as { n: number }).n}`);
  await time('tree loaders via loadScopeFacts, rewound', () => loadScopeFacts(hq.db, '/', END));
  const after = await time(`province board ${PAST}, rewound`, board, written);
  console.log(`past-month province board: ${(((after - before) / before) * 100).toFixed(1)}% slower with the tree rewound`);
  await profile.store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
