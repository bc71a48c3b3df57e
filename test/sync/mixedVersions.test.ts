// Mixed app versions (issue 16 item 5), with two builds of the schema in one sync: a device whose
// app predates 复盘复训 (its store migrated only up to 2026_12_05_zz_enrol_keep: no reviews tables)
// and a current one edit the same outlet. HQ serves the old device what it can hold, the old device
// corrupts nothing it does not know, and once it is updated it re-pulls the tables its former version
// skipped. A device below HQ's `sync.minSchema` is told to update and keeps its waiting changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { putSetting } from '../../hq/admin.js';
import { relayFile } from '../../hq/relay/file.js';
import { exportBundle } from '../../db/sync/relay/export.js';
import { openProfile, type Profile } from '../../db/profile.js';
import { enrolDevice } from '../../db/sync/enrol.js';
import { SyncFailure } from '../../db/sync/client.js';
import { syncOnce } from '../../db/sync/session.js';
import { call } from '../support/builders.js';
import { startTestHq, type TestDevice, type TestHq } from './support.js';
import { lintongOutlet } from './lintongOutlet.js';

const OLD_SCHEMA = '2026_12_05_zz_enrol_keep';
let hq: TestHq;
let admin: TestDevice;
let fresh: TestDevice;
let oldDir: string;
let old: Profile;
let county: { id: string; path: string };
let outletId: string;
let branchId: string;

const dev = (p: Profile) => ({ raw: p.store.raw, session: p.session });
const hasTable = (p: Profile, t: string) => !!p.store.raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);
const outlet = (p: Profile) => p.store.raw.prepare(`SELECT name, staff_count FROM outlets WHERE id = ?`).get(outletId) as { name: string; staff_count: number };
const waiting = (p: Profile) => (p.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get() as { n: number }).n;
const review = (n: number) => ({ subjectKind: 'org' as const, subjectId: branchId, periodKey: `2026-${String(n).padStart(2, '0')}`, analysis: `第${n}月复盘分析`, cases: '', findings: [] });

beforeAll(async () => {
  hq = await startTestHq();
  ({ admin, fresh, county, outletId, branchId } = await lintongOutlet(hq));
  oldDir = mkdtempSync(join(tmpdir(), 'rc-old-'));
  old = await openProfile(oldDir, { schemaUpTo: OLD_SCHEMA });
  await enrolDevice(dev(old), hq.url, await hq.code('县组织员乙', 'county_organiser', county.path));
}, 120_000);

afterAll(async () => {
  await old?.store.close();
  rmSync(oldDir, { recursive: true, force: true });
  await fresh?.cleanup();
  await admin?.cleanup();
  await hq?.close();
});

it('the old build has no reviews tables; the new one writes a review; both sync without an error', async () => {
  expect(hasTable(old, 'reviews')).toBe(false);
  await fresh.sync();
  await call(fresh.context(), 'reviews.save', review(10));
  await fresh.sync();
  const r = await syncOnce(dev(old));
  expect(r.pulled.rows).toBeGreaterThan(0); // the outlet, the branch… what it can hold
  expect(outlet(old).name).toBe('骊山路营业厅');
  expect(hasTable(old, 'reviews')).toBe(false);
  expect(r.repulled.tables).toEqual([]); // a store's first sync brings everything it can hold
});

it('both edit the same outlet: each keeps the other’s field, and HQ holds both', async () => {
  old.store.raw.prepare(`UPDATE outlets SET name = '骊山路旗舰营业厅', updated_at = '2026-12-04T02:00:00Z' WHERE id = ?`).run(outletId);
  await call(fresh.context(), 'outlets.save', { id: outletId, code: 'XA-LT-0001', name: '骊山路营业厅', channelType: 'own_store', countyId: county.id, staffCount: 12 });
  await syncOnce(dev(old));
  await fresh.sync();
  await syncOnce(dev(old));
  expect(outlet(old)).toEqual({ name: '骊山路旗舰营业厅', staff_count: 12 });
  expect(outlet(fresh)).toEqual({ name: '骊山路旗舰营业厅', staff_count: 12 });
});

it('a device below HQ’s minimum schema is told to update in Chinese, and keeps its waiting change', async () => {
  await call(fresh.context(), 'reviews.save', review(11)); // after the old device's cursor passed the first
  await fresh.sync();
  old.store.raw.prepare(`UPDATE outlets SET staff_count = 15, updated_at = '2026-12-04T02:10:00Z' WHERE id = ?`).run(outletId);
  expect(waiting(old)).toBe(1);
  await putSetting(hq.store, 'sync.minSchema', '2026_12_05_zz_work334_reviews');
  const e = await syncOnce(dev(old)).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(SyncFailure);
  expect((e as SyncFailure).zh).toContain('本机应用版本过旧');
  expect((e as SyncFailure).zh).toContain('请更新红色渠道后再同步');
  expect((e as SyncFailure).zh).toContain('未同步的修改仍保存在本机');
  expect(waiting(old)).toBe(1);
  // A bundle carried by USB is refused the same way, and nothing of it is taken.
  const bundle = await exportBundle(dev(old));
  const file = join(oldDir, 'bundle.rcsync');
  writeFileSync(file, bundle.bytes);
  const refused = await relayFile(hq.store, file).then(() => null, (x: unknown) => x as { zh?: string });
  expect(refused?.zh).toContain('本机应用版本过旧');
  const atHq = JSON.parse((await hq.store.db.selectFrom('hq_rows').select('cells').where('row_id', '=', outletId).executeTakeFirstOrThrow()).cells) as { staff_count: [number] };
  expect(atHq.staff_count[0]).toBe(12);
  expect(waiting(old)).toBe(1);
  // Offline work goes on.
  old.store.raw.prepare(`UPDATE outlets SET name = '骊山路旗舰店', updated_at = '2026-12-04T02:20:00Z' WHERE id = ?`).run(outletId);
  expect(waiting(old)).toBe(2);
  // The current build is above the minimum.
  await expect(fresh.sync()).resolves.toBeTruthy();
});

it('once updated, it sends what waited and re-pulls the tables its former version skipped', async () => {
  await old.store.close();
  old = await openProfile(oldDir); // the updated app: every migration
  expect(hasTable(old, 'reviews')).toBe(true);
  const r = await syncOnce(dev(old));
  // (and any table a later migration gave a column)
  expect(r.repulled.tables).toEqual(expect.arrayContaining(['review_findings', 'reviews']));
  expect(r.repulled.tables).not.toContain('outlets');
  expect(waiting(old)).toBe(0);
  const analyses = (old.store.raw.prepare(`SELECT analysis FROM reviews ORDER BY period_key`).all() as { analysis: string }[]).map((x) => x.analysis);
  expect(analyses).toEqual(['第10月复盘分析', '第11月复盘分析']);
  // Its own offline edits were not overwritten by the re-pull, and reached the other device.
  expect(outlet(old)).toEqual({ name: '骊山路旗舰店', staff_count: 15 });
  await fresh.sync();
  expect(outlet(fresh)).toEqual({ name: '骊山路旗舰店', staff_count: 15 });
  // The next sync re-pulls nothing.
  expect((await syncOnce(dev(old))).repulled.tables).toEqual([]);
});
