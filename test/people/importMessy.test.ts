// Twelve messy rosters (test/fixtures/rosters/messyA.ts, messyB.ts) through the importer on real
// SQLite: for each, exactly which rows import, which are errors, which carry warnings and which are
// ignored; the values offered for mapping; that a refused commit writes nothing at all (not even
// the change log the sync outbox keeps); and, once mapped, what the commit writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayInBeijing } from '../../shared/core/dates.js';
import { dispatch } from '../../db/api/index.js';
import type { ValueChoice } from '../../shared/people/schemas/import.js';
import type { ImportPreview } from '../../shared/people/types.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { ROSTER_CASES } from '../fixtures/rosters/all.js';
import type { Outcome } from '../fixtures/rosters/cases.js';
import { placesFor } from '../fixtures/rosters/places.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

const TABLES = ['people', 'members', 'party_orgs', 'member_history', 'registry_audit', 'import_value_mappings', 'sync_outbox'];
/** Row counts of every table an import may write, the sync outbox included: "nothing written" means none of them moved. */
const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, (p.store.raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));

const label = (r: ImportPreview['rows'][number]) => r.name || `#${r.rowNo}`;

function expectOutcome(preview: ImportPreview, want: Outcome, what: string) {
  expect(preview.rows.filter((r) => r.action !== 'error').map(label), `${what}: imported`).toEqual(want.imported);
  const errors = preview.rows.filter((r) => r.action === 'error');
  expect(errors.map(label).sort(), `${what}: errors`).toEqual(Object.keys(want.errors).sort());
  for (const r of errors) {
    const text = r.problems.map((x) => x.message).join(' | ');
    for (const words of want.errors[label(r)]!) expect(text, `${what}: ${label(r)}`).toContain(words);
    // A row says what is wrong with it, never the schema's word for a missing reference.
    expect(text).not.toContain('编号格式不正确');
  }
  const warned = preview.rows.filter((r) => r.action !== 'error' && r.notes.length);
  expect(warned.map(label).sort(), `${what}: warnings`).toEqual(Object.keys(want.warnings).sort());
  for (const r of warned) {
    const text = r.notes.map((x) => x.message).join(' | ');
    for (const words of want.warnings[label(r)]!) expect(text, `${what}: ${label(r)}`).toContain(words);
  }
  expect(preview.totals).toMatchObject({ error: errors.length, warning: warned.length, ignored: preview.ignored.length });
  const ignored = want.ignored ?? {};
  expect(preview.ignored.map((x) => x.rowNo), `${what}: ignored`).toEqual(Object.keys(ignored).map(Number));
  for (const x of preview.ignored) expect(`${x.reason} ${x.text}`).toContain(ignored[x.rowNo]!);
}

function written(name: string): Record<string, unknown> {
  return p.store.raw
    .prepare(`SELECT p.*, m.branch_id, m.group_id, m.join_date, m.full_date, m.standing FROM people p
      LEFT JOIN members m ON m.person_id = p.id AND m.deleted = 0 WHERE p.name = ? AND p.deleted = 0`)
    .get(name) as Record<string, unknown>;
}

describe('messy rosters', () => {
  it('are twelve or more, each a different mess', () => {
    expect(ROSTER_CASES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ROSTER_CASES.map((c) => c.key)).size).toBe(ROSTER_CASES.length);
  });

  for (const c of ROSTER_CASES) {
    it(`${c.key}: ${c.covers}`, async () => {
      const ctx = p.context();
      const refs = await placesFor(ctx);
      const file = { name: `${c.key}.xlsx`, base64: (await c.build(todayInBeijing())).toString('base64') };
      const before = snapshot();

      const preview = await call(ctx, 'roster.preview', { file });
      expectOutcome(preview, c.preview, 'preview');
      const offered = preview.values.map((v) => ({ field: v.field, value: v.value, rows: v.rows }));
      expect(offered).toEqual(expect.arrayContaining(c.values ?? []));
      expect(offered).toHaveLength(c.values?.length ?? 0);
      expect(snapshot()).toEqual(before);

      const values: ValueChoice[] = c.mapping?.(refs) ?? [];
      const refusedPlain = async (choices: ValueChoice[]) => {
        const r = await dispatch(ctx, 'roster.commit', { file, values: choices });
        expect(r.ok).toBe(false);
        expect(!r.ok && r.error.message).toMatch(/^有\d+行存在问题（如第\d+行：.+），未导入任何数据/);
        expect(snapshot()).toEqual(before);
      };
      if (Object.keys(c.preview.errors).length) await refusedPlain([]);
      const final = c.mapped ?? c.preview;
      if (c.mapped) {
        const again = await call(ctx, 'roster.preview', { file, values });
        expectOutcome(again, c.mapped, 'mapped');
        expect(again.values.every((v) => v.choice === null || v.source === 'input')).toBe(true);
        if (Object.keys(c.mapped.errors).length) await refusedPlain(values);
      }

      if (!final.imported.length) {
        const r = await dispatch(ctx, 'roster.commit', { file, values, skipInvalid: true });
        expect(!r.ok && r.error.message).toBe('文件中没有可导入的数据行');
        expect(snapshot()).toEqual(before);
        return;
      }
      const done = await call(ctx, 'roster.commit', { file, values, skipInvalid: true });
      expect(done).toMatchObject(c.result ?? {});
      const after = snapshot();
      expect(after.people! - before.people!).toBe(final.imported.length);
      for (const [name, cols] of Object.entries(c.written?.(refs) ?? {})) expect(written(name), name).toMatchObject(cols);
      // Rows with errors were skipped, not written.
      for (const name of Object.keys(final.errors)) if (!name.startsWith('#')) expect(written(name)).toBeUndefined();
    }, 30_000);
  }
});
