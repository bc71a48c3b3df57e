// The warning board's reads of held activities stay on activities_held (migration
// 2026_12_08_activities_held): SQLite uses a partial index only while the query repeats its WHERE
// term, so a query rewritten with `deleted = ?` or without `status = 'held'` would silently go back to
// activities_scope and the table (the first held day of a 100-county province: ~300 ms instead of
// ~40 ms). The plans of the statements each read runs say which index it took. With the index, one
// person's two absences of a day came in the other order on the province board (ties of the sort,
// returned in the order of the index walked): the absences are now sorted to the end. A day range
// over a province reads the scope's paths of held activities one by one (db/orglife/heldPaths.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstHeldOn, lastAttendedIn } from '../../db/dues/store.js';
import { loadAttendance, loadContacted, loadScopeFacts } from '../../db/assessment/facts.js';
import { sql } from 'kysely';
import { atHeldPaths, heldPaths } from '../../db/orglife/heldPaths.js';
import { complianceRows, instructorDuties } from '../../db/orglife/compliance.js';
import { settingsFor } from '../../db/orglife/settings.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
beforeEach(async () => { p = await tempProfile(); });
afterEach(async () => p.cleanup());

/** The plans of the reads of activities `fn` prepares (a fresh store: every statement is prepared anew). */
async function plansOf(fn: () => Promise<unknown>): Promise<{ text: string; plan: string }[]> {
  const raw = p.store.raw;
  const texts: string[] = [];
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((text: string) => {
    if (/from "?activities"?/i.test(text)) texts.push(text);
    return prepare(text);
  }) as typeof raw.prepare;
  try {
    await fn();
  } finally {
    raw.prepare = prepare;
  }
  const plan = (t: string) => (raw.prepare(`EXPLAIN QUERY PLAN ${t}`).all(...Array.from(t.match(/\?/g) ?? [], () => null)) as { detail: string }[]).map((r) => r.detail).join('\n');
  return texts.map((text) => ({ text, plan: plan(text) }));
}

describe('held activities at HQ scope', () => {
  it('finds the first held day from the partial index alone', async () => {
    // The scope's paths of held activities, then each path's first day: both seeks in activities_held.
    const plans = await plansOf(() => firstHeldOn(p.store.db, '/hq/'));
    expect(plans).toHaveLength(2);
    for (const { plan } of plans) {
      expect(plan).toContain('COVERING INDEX activities_held');
      expect(plan).not.toContain('activities_scope');
    }
  });

  it('names each path of held activities in the scope once, and no other', async () => {
    const add = p.store.raw.prepare(`INSERT INTO activities (id, type, title, held_on, status, deleted, scope_path, created_at, updated_at) VALUES (?, 'theme_day', '主题党日', '2026-11-05', ?, ?, ?, 't', 't')`);
    const rows: [string, number, string][] = [
      ['held', 0, '/hq/xa/'], ['held', 0, '/hq/xa/lt/'], ['held', 0, '/hq/xa/lt/'], ['held', 0, '/hq/xa/lt/g1/'],
      ['held', 0, '/hq/xab/'], ['held', 0, '/hq/xb/'], ['planned', 0, '/hq/xa/pl/'], ['held', 1, '/hq/xa/del/'],
    ];
    rows.forEach(([status, deleted, path], i) => add.run(`0190a000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`, status, deleted, path));
    expect(JSON.parse(await heldPaths(p.store.db, '/hq/xa/'))).toEqual(['/hq/xa/', '/hq/xa/lt/', '/hq/xa/lt/g1/']);
    expect(JSON.parse(await heldPaths(p.store.db, '/hq/'))).toEqual(['/hq/xa/', '/hq/xa/lt/', '/hq/xa/lt/g1/', '/hq/xab/', '/hq/xb/']);
    expect(await heldPaths(p.store.db, '/hq/xc/')).toBe('[]');
    // Read through the paths, a scope holds what it held through its range of paths.
    const count = async (scope: string) => (await p.store.db.selectFrom('activities as a').select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<boolean>`a.deleted = 0 AND a.status = 'held' AND ${atHeldPaths('a.scope_path', await heldPaths(p.store.db, scope))} AND a.held_on >= '2026-11-01'`).executeTakeFirstOrThrow()).n;
    expect([await count('/hq/xa/'), await count('/hq/'), await count('/hq/xc/')]).toEqual([4, 6, 0]);
  });

  it('reads last attendance and the outlets visited through it', async () => {
    // The held activities of the scope: the recent marks and the first held day; the outlets visited.
    const facts = (await plansOf(() => loadScopeFacts(p.store.db, '/hq/', '2026-11-15'))).filter((x) => x.text.includes("status = 'held'"));
    const contacted = await plansOf(() => loadContacted(p.store.db, '/hq/', '2026-08-17', '2026-11-15'));
    expect(facts.map((x) => x.text).join('\n')).toMatch(/max\(a\.held_on\)[\s\S]*min\(held_on\)/);
    expect(contacted).toHaveLength(1);
    for (const { plan } of [...facts, ...contacted]) {
      expect(plan).toContain('activities_held');
      expect(plan).not.toContain('activities_scope');
    }
  });

  it('reads the marks of held activities from attendance_live alone (migration 2026_12_09_attendance_live)', async () => {
    const reads = [
      ...(await plansOf(() => loadAttendance(p.store.db, '/hq/', '2026-11-01', '2026-11-15'))),
      ...(await plansOf(() => loadScopeFacts(p.store.db, '/hq/', '2026-11-15'))),
      ...(await plansOf(() => lastAttendedIn(p.store.db, '/hq/', '2026-06-01'))),
    ].filter((x) => /join attendance/i.test(x.text));
    expect(reads.length).toBe(4); // counts, absences, recent last attendance, last attended month
    for (const { plan } of reads) expect(plan).toMatch(/COVERING INDEX attendance_live/);
  });

  it("reads a county's meetings and duties through its scope, the province's through the type index", async () => {
    const s = await settingsFor(p.store.db, '/hq/');
    const range = { from: '2026-06-01', to: '2026-11-30', asOf: '2026-11-15' };
    const reads = async (scope: string) => [
      ...(await plansOf(() => complianceRows(p.store.db, scope, s, range))),
      ...(await plansOf(() => instructorDuties(p.store.db, scope, s, range))),
    ].filter((x) => /type/.test(x.text));
    const county = await reads('/hq/xa/lt/');
    const province = await reads('/hq/');
    expect([county.length, province.length]).toEqual([3, 3]); // held counts, visits, lectures and campaigns
    for (const { plan } of county) expect(plan).not.toContain('activities_type_held');
    for (const { plan } of province) expect(plan).toContain('activities_type_held');
  });

  it("lists one person's absences of one day in the same order whichever index is read", async () => {
    const raw = p.store.raw;
    raw.prepare(`INSERT INTO people (id, name, political_status, scope_path, created_at, updated_at) VALUES ('0190a000-0000-7000-8000-0000000000b1', '谭斌', 'full_member', '/hq/xa/lt/', 't', 't')`).run();
    const act = raw.prepare(`INSERT INTO activities (id, org_id, type, title, held_on, scope_path, created_at, updated_at) VALUES (?, '0190a000-0000-7000-8000-0000000000c1', 'theme_day', ?, '2026-11-08', '/hq/xa/lt/', 't', 't')`);
    const mark = raw.prepare(`INSERT INTO attendance (id, activity_id, person_id, status, scope_path, created_at, updated_at) VALUES (?, ?, '0190a000-0000-7000-8000-0000000000b1', 'absent', '/hq/xa/lt/', 't', 't')`);
    // The ids run against the titles: an index ordered by id gives the other order.
    act.run('0190a000-0000-7000-8000-0000000000d1', '五分钟微党课');
    act.run('0190a000-0000-7000-8000-0000000000d2', '主题党日：党史学习交流');
    mark.run('0190a000-0000-7000-8000-0000000000e1', '0190a000-0000-7000-8000-0000000000d1');
    mark.run('0190a000-0000-7000-8000-0000000000e2', '0190a000-0000-7000-8000-0000000000d2');
    const titles = async () => (await loadAttendance(p.store.db, '/hq/', '2026-11-01', '2026-11-15')).absent.map((a) => a.title);
    const sorted = ['主题党日：党史学习交流', '五分钟微党课'].sort();
    expect(await titles()).toEqual(sorted);
    raw.exec('DROP INDEX activities_held');
    expect(await titles()).toEqual(sorted);
  });

  it('leaves planned and deleted activities out of the first held day', async () => {
    const raw = p.store.raw;
    const add = raw.prepare(`INSERT INTO activities (id, type, title, held_on, status, deleted, scope_path, created_at, updated_at) VALUES (?, 'theme_day', '主题党日', ?, ?, ?, '/hq/xa/lt/', 't', 't')`);
    add.run('0190a000-0000-7000-8000-0000000000a1', '2024-01-05', 'planned', 0);
    add.run('0190a000-0000-7000-8000-0000000000a2', '2024-02-05', 'held', 1);
    add.run('0190a000-0000-7000-8000-0000000000a3', '2024-03-05', 'held', 0);
    add.run('0190a000-0000-7000-8000-0000000000a4', '2023-12-05', 'held', 0);
    raw.prepare(`UPDATE activities SET scope_path = '/hq/bj/' WHERE id = '0190a000-0000-7000-8000-0000000000a4'`).run();
    expect(await firstHeldOn(p.store.db, '/hq/xa/')).toBe('2024-03-05');
    expect(await firstHeldOn(p.store.db, '/hq/')).toBe('2023-12-05');
    expect(await firstHeldOn(p.store.db, '/hq/sh/')).toBeNull();
  });
});
