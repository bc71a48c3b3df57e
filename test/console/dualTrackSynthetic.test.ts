// The overview's dual-track composite on a synthetic province (test/synthetic/: contact points with
// their instructors' visits, a year of activities and attendance, task-force campaigns), with the
// quarter's business figures entered for most outlets and points for some members: HQ, computing from
// a copy of the device's rows in hq_rows, gives every county the mean, count and light the device's
// own scorecard and board give it — county by county or all counties read at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturedTables } from '../../db/sync/capture.js';
import { overview } from '../../hq/console/overview.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { BUSINESS_KEYS } from '../../shared/assessment/dualTrack.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { periodOf } from '../../shared/orglife/periods.js';
import { Hlc } from '../../shared/sync/hlc.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { generateProvince } from '../synthetic/generate.js';

const today = todayInBeijing();
const quarter = periodOf(today, 'quarter').key;
let device: Awaited<ReturnType<typeof tempProfile>>;
let hq: HqStore;
let dir: string;

beforeAll(async () => {
  device = await tempProfile({ role: 'hq_admin', scopePath: '/' });
  await generateProvince(device.store.raw, { counties: 3, seed: 11, today, channelWork: true, suppressCapture: null });
  const raw = device.store.raw;
  const ctx = device.context();
  // Figures for 160 outlets across the counties: most with all four, some with three (not scored), a spread of values.
  const outlets = raw.prepare(`SELECT id FROM outlets WHERE deleted = 0 ORDER BY substr(id, -5) LIMIT 180`).pluck().all() as string[];
  for (const [i, id] of outlets.entries()) {
    if (i % 9 === 4) continue;
    const v = { revenue_growth: (i % 9) - 3, core_penetration: 15 + (i % 7) * 8, satisfaction: 72 + (i % 6) * 5, complaint_rate: i % 7 === 2 ? null : i % 11 };
    await call(ctx, 'assessment.business.save', { outletId: id, period: quarter, values: v });
  }
  const members = raw.prepare(`SELECT person_id FROM members WHERE deleted = 0 AND standing = 'normal' ORDER BY person_id LIMIT 60`).pluck().all() as string[];
  for (const [i, p] of members.entries()) if (i % 2) await call(ctx, 'points.addEntry', { personId: p, itemKey: 'honour', occurredOn: today, reason: '获评服务标兵' });
  // HQ's copy: every captured row as one JSON of cells, as a push leaves it.
  dir = mkdtempSync(join(tmpdir(), 'rc-dual-syn-'));
  hq = await openHqStore(join(dir, 'hq.sqlite'));
  const clock = new Hlc('test-loader');
  let version = 0;
  const rows: { tbl: string; row_id: string; scope_path: string; cells: string; version: number; scope_version: number }[] = [];
  for (const t of capturedTables(raw)) {
    for (const r of raw.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]) {
      const h = clock.tick();
      version += 1;
      const cells: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (k !== 'id') cells[k] = [v ?? null, h, version, ''];
      rows.push({ tbl: t, row_id: String(r.id), scope_path: String(r.scope_path), cells: JSON.stringify(cells), version, scope_version: version });
    }
  }
  await hq.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('hq_rows').values(rows.slice(i, i + 500)).execute();
    await trx.updateTable('hq_counter').set({ version }).where('id', '=', 1).execute();
  });
}, 300_000);

afterAll(async () => {
  await hq?.close();
  await device?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('gives every county the composite its device scores, read county by county or all at once', async () => {
  const ctx = device.context();
  const one = await overview(hq, '/', { fresh: true, batchFrom: Infinity });
  const all = await overview(hq, '/', { fresh: true, batchFrom: 1 });
  expect(all.counties).toEqual(one.counties);
  expect(one.counties).toHaveLength(3);
  let scored = 0;
  let contactScored = 0;
  for (const c of one.counties) {
    const sc = await call(ctx, 'assessment.scorecard', { unitId: c.id, period: quarter });
    const mine = sc.outlets.filter((o) => o.countyId === c.id && !o.missing.some((k) => (BUSINESS_KEYS as readonly string[]).includes(k)));
    const board = await call(ctx, 'assessment.board', { unitId: c.id, period: today.slice(0, 7) });
    const light = board.lights.find((l) => l.subjectKind === 'county' && l.subjectId === c.id && l.indicator === 'dual_track');
    const xs = mine.map((o) => o.composite!);
    expect([c.dualTrack, c.outletsScored, c.outletsRed, c.lights.dual_track]).toEqual([
      xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null, xs.length, light?.value ?? 0, light?.colour ?? 'none',
    ]);
    scored += xs.length;
    contactScored += mine.filter((o) => !o.missing.includes('instructor_duty')).length;
  }
  // The province was worth checking: outlets scored, contact points among them, more than one light.
  expect(scored).toBeGreaterThan(100);
  expect(contactScored).toBeGreaterThan(0);
  expect(new Set(one.counties.map((c) => c.outletsRed)).size + new Set(one.counties.map((c) => c.dualTrack)).size).toBeGreaterThan(2);
}, 300_000);
