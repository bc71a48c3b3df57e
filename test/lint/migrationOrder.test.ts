// Kysely runs migrations in name order and refuses a store whose already-run migrations are not a
// prefix of that order ("corrupted migrations"). So a migration added after others have run anywhere
// must sort after every one of them: its list entry goes last and its name must sort last. Entries
// up to the last one listed below predate this rule (their order is frozen history).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LISTS = [
  { file: 'db/migrations/index.ts', frozenUpTo: '2026_12_06_zzzz_member_warnings' },
  { file: 'hq/migrations/index.ts', frozenUpTo: '2026_12_06_device_reports' },
];

/** The migration names in the order the list's object literal gives them (the order they were added). */
export function listedOrder(source: string): string[] {
  return [...source.matchAll(/^\s*'(\d{4}_\d{2}_\d{2}_[\w]+)':/gm)].map((m) => m[1]!);
}

/** Names added after the frozen ones that do not sort after everything listed before them. */
export function outOfOrder(names: string[], frozenUpTo: string): string[] {
  const start = names.indexOf(frozenUpTo) + 1;
  const bad: string[] = [];
  for (let i = start; i < names.length; i++) {
    const before = names.slice(0, i);
    if (before.some((b) => b >= names[i]!)) bad.push(names[i]!);
  }
  return bad;
}

describe('a new migration sorts after every earlier one', () => {
  for (const { file, frozenUpTo } of LISTS) {
    it(file, () => {
      const names = listedOrder(readFileSync(resolve(ROOT, file), 'utf8'));
      expect(names).toContain(frozenUpTo);
      expect(outOfOrder(names, frozenUpTo), `rename these so they sort after ${[...names].sort().at(-1)} (e.g. a later date)`).toEqual([]);
    });
  }

  it('catches a newcomer that sorts before one already run', () => {
    const names = ['2026_12_06_a', '2026_12_06_zzz', '2026_12_07_x', '2026_12_06_zz_late', '2026_12_08_y'];
    expect(outOfOrder(names, '2026_12_06_zzz')).toEqual(['2026_12_06_zz_late']);
    expect(outOfOrder(names.filter((n) => n !== '2026_12_06_zz_late'), '2026_12_06_zzz')).toEqual([]);
  });
});
