// One home for the coverage, contact and conversion bands: the board's `assessment.thresholds`.
// The registry's rules read them from there, and a scope's old `registry.rules` values move over.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/open.js';
import { assessmentSettings } from '../../shared/assessment/thresholds.js';
import { rulesFrom } from '../../shared/people/rules.js';

const T = '2026-01-05T08:00:00.000Z';

async function migrated(rows: [string, string, unknown][]) {
  const raw = new Database(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, '2026_12_06_history_asof');
  const ins = raw.prepare(`INSERT INTO settings (id, key, value_json, scope_path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`);
  rows.forEach(([key, scope, v], i) => ins.run(`0190a000-0000-7000-8000-0000000009${String(i).padStart(2, '0')}`, key, JSON.stringify(v), scope, T, T));
  await migrate(db, '2026_12_06_thresholds_single');
  const all = raw.prepare(`SELECT id, key, scope_path, value_json FROM settings WHERE deleted = 0 ORDER BY scope_path, key`).all() as { id: string; key: string; scope_path: string; value_json: string }[];
  await db.destroy();
  return all.map((r) => ({ ...r, value: JSON.parse(r.value_json) as Record<string, unknown> }));
}

describe('coverage, contact and conversion bands have one source', () => {
  it('the registry reads the board’s thresholds and ignores its own copies', () => {
    const r = rulesFrom({
      'registry.rules': { coverageGreen: 0.5, contactYellow: 0.1, conversionYellowDays: 3, branchMaxMembers: 40 },
      'assessment.thresholds': { coverage: { green: 0.95, yellow: 0.85 }, probation_overdue: { yellowFrom: 1, redFrom: 46 } },
    });
    expect([r.coverageGreen, r.coverageYellow, r.contactGreen, r.contactYellow, r.conversionYellowDays, r.branchMaxMembers]).toEqual([0.95, 0.85, 0.8, 0.6, 45, 40]);
  });

  it('moves a county’s customised values into its board thresholds, keeping what the board already set there', async () => {
    const rows = await migrated([
      ['registry.rules', '/hq/a/', { coverageGreen: 0.95, coverageYellow: 0.8, conversionYellowDays: 14, branchMaxMembers: 40 }],
      ['registry.rules', '/hq/b/', { contactGreen: 0.7, coverageGreen: 0.9 }],
      ['assessment.thresholds', '/hq/b/', { coverage: { green: 0.99, yellow: 0.95 } }],
    ]);
    const a = rows.filter((r) => r.scope_path === '/hq/a/');
    expect(a.find((r) => r.key === 'registry.rules')!.value).toEqual({ branchMaxMembers: 40 });
    const at = a.find((r) => r.key === 'assessment.thresholds')!.value;
    expect(at).toEqual({ coverage: { green: 0.95, yellow: 0.8 }, probation_overdue: { yellowFrom: 1, redFrom: 15 } });
    const ra = rulesFrom({ 'registry.rules': a[1]!.value, 'assessment.thresholds': at });
    expect([ra.coverageGreen, ra.coverageYellow, ra.conversionYellowDays, ra.branchMaxMembers]).toEqual([0.95, 0.8, 14, 40]);
    expect(assessmentSettings({ 'assessment.thresholds': at }).thresholds.coverage).toEqual({ green: 0.95, yellow: 0.8 });

    const b = rows.filter((r) => r.scope_path === '/hq/b/');
    expect(b.find((r) => r.key === 'registry.rules')!.value).toEqual({});
    // the board's own coverage stays; contact, set only in the registry, moves over
    expect(b.find((r) => r.key === 'assessment.thresholds')!.value).toEqual({ coverage: { green: 0.99, yellow: 0.95 }, contact: { green: 0.7, yellow: 0.6 } });
  });

  it('makes the same new row on every device of the scope', async () => {
    const one = await migrated([['registry.rules', '/hq/a/', { contactGreen: 0.7 }]]);
    const two = await migrated([['registry.rules', '/hq/a/', { contactGreen: 0.7 }]]);
    const id = (rs: typeof one) => rs.find((r) => r.key === 'assessment.thresholds')!.id;
    expect(id(one)).toBe(id(two));
    expect(id(one)).not.toBe(one.find((r) => r.key === 'registry.rules')!.id);
  });
});
