// The province board's data-quality reads stay on the indexes of migration 2026_12_06_zz_board_speed:
// SQLite uses a partial index only while the query repeats its WHERE term, so a change to either
// text would silently bring back the ~0.6 s scans of every person at HQ. The plan says which it is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUIRED_DEFAULTS, REQUIRED_FIELD_CHOICES, type RequiredField } from '../../shared/assessment/thresholds.js';
import { qualityQueries } from '../../db/assessment/qualityFacts.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
beforeEach(async () => { p = await tempProfile(); });
afterEach(async () => p.cleanup());

function plan(scope: string, required: RequiredField[], which: 'suspects' | 'groups'): string {
  const q = qualityQueries(scope, required)[which].compile(p.store.db);
  const rows = p.store.raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('data-quality reads at HQ scope', () => {
  for (const [label, required] of [['default required fields', REQUIRED_DEFAULTS], ['every field required', [...REQUIRED_FIELD_CHOICES]], ['phone only', ['phone']]] as const) {
    it(`finds blank fields and unsound ids through their partial indexes (${label})`, () => {
      for (const scope of ['/', '/hq/']) {
        const text = plan(scope, [...required], 'suspects');
        expect(text).toContain('people_quality_blank');
        expect(text).toContain('people_quality_unsound_id');
        expect(text).toContain('COVERING INDEX people_quality_citizen');
        expect(text).toContain('COVERING INDEX people_quality_name_birth');
        // No walk of everyone's wide rows: only the suspects themselves are read from the table.
        expect(text).not.toContain('people_list_scope');
        expect(text).not.toContain('SCAN people\n');
      }
    });
  }

  it('counts people per outlet and path from a covering index at HQ, and by scope range in a county', () => {
    expect(plan('/', [...REQUIRED_DEFAULTS], 'groups')).toContain('COVERING INDEX people_quality_outlet');
    expect(plan('/hq/xa/lt/', [...REQUIRED_DEFAULTS], 'groups')).not.toContain('people_quality_outlet');
  });

  it('tells a blank field with instr() on its first character exactly as the IN list of codes did', () => {
    const codes = '9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279';
    const space = codes.split(', ').map((c) => String.fromCodePoint(Number(c)));
    const values = [null, '', 'a', '王', '😀', '0', '\u200b', ' a', ...space, ...space.map((c) => `${c}x`), ...space.map((c) => `${c}${c}`)];
    const blank = (first: string) => `(@v IS NULL OR @v = '' OR (${first} AND trim(@v, @s) = ''))`;
    const ask = p.store.raw.prepare(`SELECT ${blank(`unicode(@v) IN (${codes})`)} AS old, ${blank(`instr(char(${codes}), substr(@v, 1, 1)) > 0`)} AS new`);
    for (const v of values) {
      const r = ask.get({ v, s: space.join('') }) as { old: number; new: number };
      expect(r.new, JSON.stringify(v)).toBe(r.old);
      expect(r.old, JSON.stringify(v)).toBe(v === null || v.trim() === '' ? 1 : 0);
    }
  });
});
