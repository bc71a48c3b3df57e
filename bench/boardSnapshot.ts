// Guards speed work on the warning board against changed results: `capture` writes the board's
// JSON for fixed inputs on a copy of the 100-county profile, `compare` checks two captures byte for byte.
//   npx tsx bench/boardSnapshot.ts capture <profileDir> <outDir>
//   npx tsx bench/boardSnapshot.ts compare <dirA> <dirB>
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';

async function call(ctx: ApiContext, name: string, input: unknown): Promise<string> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return JSON.stringify(r.data, null, 1);
}

async function capture(profileDir: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const profile = await openProfile(profileDir);
  try {
    const county = profile.store.raw
      .prepare(`SELECT u.id, u.path, (SELECT count(*) FROM outlets o WHERE o.deleted = 0 AND o.scope_path >= u.path AND o.scope_path < u.path || char(65535)) AS outlets
        FROM org_units u WHERE u.level = 'county' ORDER BY outlets DESC LIMIT 1`)
      .get() as { id: string; path: string };
    const base = profile.context();
    const now = () => new Date(`${DEFAULT_TODAY}T04:00:00Z`);
    const hq: ApiContext = { ...base, now, session: { ...profile.session, role: 'hq_admin', scopePath: '/' } };
    const org: ApiContext = { ...base, now, session: { ...profile.session, role: 'county_organiser', scopePath: '/' } };
    const month = DEFAULT_TODAY.slice(0, 7);
    const cases: [string, ApiContext, string, unknown][] = [
      ['province-this-month', hq, 'assessment.board', { period: month }],
      ['province-past-month', hq, 'assessment.board', { period: '2026-06' }],
      ['county-this-month', org, 'assessment.board', { unitId: county.id, period: month }],
      ['county-past-month', org, 'assessment.board', { unitId: county.id, period: '2026-03' }],
      ['county-scorecard', org, 'assessment.scorecard', { unitId: county.id, period: '2026-Q4' }],
      ['county-scorecard-cards', org, 'assessment.scorecard.cards', { unitId: county.id, period: '2026-Q4' }],
      ['county-scorecard-past', org, 'assessment.scorecard.cards', { unitId: county.id, period: '2026-Q2' }],
    ];
    for (const [name, ctx, op, input] of cases) {
      const t = performance.now();
      const json = await call(ctx, op, input);
      writeFileSync(join(out, `${name}.json`), json);
      console.log(`${name.padEnd(24)} ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${json.length} bytes`);
    }
  } finally {
    await profile.store.close();
  }
}

function compare(a: string, b: string): boolean {
  const names = [...new Set([...readdirSync(a), ...readdirSync(b)])].filter((f) => f.endsWith('.json')).sort();
  let same = true;
  for (const f of names) {
    let x: Buffer | null = null;
    let y: Buffer | null = null;
    try { x = readFileSync(join(a, f)); } catch { /* missing on one side */ }
    try { y = readFileSync(join(b, f)); } catch { /* missing on one side */ }
    const ok = !!x && !!y && x.equals(y);
    if (!ok) same = false;
    let at = '';
    if (x && y && !ok) {
      let i = 0;
      while (i < x.length && i < y.length && x[i] === y[i]) i++;
      at = ` first difference at byte ${i}: ${JSON.stringify(x.subarray(Math.max(0, i - 80), i + 80).toString())} vs ${JSON.stringify(y.subarray(Math.max(0, i - 80), i + 80).toString())}`;
    }
    console.log(`${ok ? 'SAME' : 'DIFF'} ${f} (${x?.length ?? 'missing'} / ${y?.length ?? 'missing'} bytes)${at}`);
  }
  return same;
}

const [cmd, p1, p2] = process.argv.slice(2);
if (cmd === 'capture' && p1 && p2) await capture(p1, p2);
else if (cmd === 'compare' && p1 && p2) process.exitCode = compare(p1, p2) ? 0 : 1;
else {
  console.error('usage: tsx bench/boardSnapshot.ts capture <profileDir> <outDir> | compare <dirA> <dirB>');
  process.exitCode = 2;
}
