// Where an operation's time goes on a cached synthetic province: runs it through the real API at an
// HQ administrator's scope and prints its total, the share spent in SQLite and the statements that
// took longest (each statement's text, calls and milliseconds). For the slow rows of
// bench/province.bench.ts.
//   npx tsx bench/provinceProfile.ts <profileDir> [operation] [input JSON] [role] [scope]
//   npx tsx bench/provinceProfile.ts profiles/bench-cache/province-100-1-y5 assessment.board '{"period":"2026-11"}'
import type Database from 'better-sqlite3';
import { dispatch } from '../db/api/index.js';
import type { ApiContext } from '../db/context.js';
import { openProfile } from '../db/profile.js';
import type { Role } from '../shared/domain/enums.js';
import { DEFAULT_TODAY } from '../test/synthetic/generate.js';

type Timing = { calls: number; ms: number };
const RUN_METHODS = ['all', 'get', 'run', 'iterate'] as const;

/** Wraps the connection's prepare so that every statement it hands out reports its time to `times`. */
function timeStatements(raw: Database.Database, times: Map<string, Timing>): void {
  const prepare = raw.prepare.bind(raw);
  const wrapped = (source: string): Database.Statement => {
    const stmt = prepare(source);
    const key = source.replace(/\s+/g, ' ').trim().slice(0, 200);
    const methods = stmt as unknown as Record<(typeof RUN_METHODS)[number], (...args: unknown[]) => unknown>;
    for (const m of RUN_METHODS) {
      const f = methods[m].bind(stmt);
      methods[m] = (...args: unknown[]) => {
        const t = performance.now();
        try {
          return f(...args);
        } finally {
          const e = times.get(key) ?? { calls: 0, ms: 0 };
          e.calls++;
          e.ms += performance.now() - t;
          times.set(key, e);
        }
      };
    }
    return stmt;
  };
  (raw as unknown as { prepare: typeof wrapped }).prepare = wrapped;
}

async function main(): Promise<void> {
  const [dir, op = 'assessment.board', json = `{"period":"${DEFAULT_TODAY.slice(0, 7)}"}`, role = 'hq_admin', scope = '/hq/'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: tsx bench/provinceProfile.ts <profileDir> [operation] [input JSON] [role] [scope]');
  const p = await openProfile(dir);
  try {
    const times = new Map<string, Timing>();
    timeStatements(p.store.raw, times);
    const ctx: ApiContext = { ...p.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`), session: { ...p.session, role: role as Role, scopePath: scope } };
    const input: unknown = JSON.parse(json);
    // The first run warms the page cache; the second is the one reported. A write between them (one
    // meta row written again) makes results kept while the store is unchanged (the board's) count as changed.
    for (const label of ['first run', 'second run']) {
      times.clear();
      if (label === 'second run') p.store.raw.prepare(`UPDATE meta SET value = value WHERE key = 'device_id'`).run();
      const t = performance.now();
      const r = await dispatch(ctx, op, input);
      if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
      console.log(`${op} ${label}: ${(performance.now() - t).toFixed(0)} ms`);
    }
    const total = [...times.values()].reduce((n, e) => n + e.ms, 0);
    console.log(`in SQLite: ${total.toFixed(0)} ms over ${times.size} statements; the longest:`);
    for (const [sql, e] of [...times.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.TOP ?? 10))) {
      console.log(`${e.ms.toFixed(0).padStart(7)} ms ${String(e.calls).padStart(5)}×  ${sql}`);
    }
  } finally {
    await p.store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
