// An instructor's laptop that syncs only by file after an app update: the tables its former version
// could not hold (复盘复训 here, as in mixedVersions.test.ts) come back in the answer to its next
// bundle, as an online sync would re-pull them — without overwriting what it changed offline — and
// the bundle after that asks for nothing more. An answer whose re-pull an online sync has done in
// the meantime changes nothing twice.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { relayFile } from '../../hq/relay/file.js';
import { exportBundle } from '../../db/sync/relay/export.js';
import { importAnswer } from '../../db/sync/relay/import.js';
import { repullRequest } from '../../db/sync/backfill.js';
import { openProfile, type Profile } from '../../db/profile.js';
import { enrolDevice } from '../../db/sync/enrol.js';
import { syncOnce } from '../../db/sync/session.js';
import { call } from '../support/builders.js';
import { startTestHq, type TestDevice, type TestHq } from './support.js';
import { lintongOutlet } from './lintongOutlet.js';

const OLD_SCHEMA = '2026_12_05_zz_enrol_keep';
let hq: TestHq;
let admin: TestDevice;
let fresh: TestDevice;
let dir: string;
const dirs: string[] = [];
let county: { id: string; path: string };
let outletId: string;
let branchId: string;

const dev = (p: Profile) => ({ raw: p.store.raw, session: p.session });
const analyses = (p: Profile) => (p.store.raw.prepare(`SELECT analysis FROM reviews ORDER BY period_key`).all() as { analysis: string }[]).map((x) => x.analysis);
const review = (n: number) => ({ subjectKind: 'org' as const, subjectId: branchId, periodKey: `2026-${String(n).padStart(2, '0')}`, analysis: `第${n}月复盘分析`, cases: '', findings: [] });

/** Carries a bundle to HQ (the CLI relay) and its answer back. */
async function carry(p: Profile, name: string) {
  const bundle = await exportBundle(dev(p));
  writeFileSync(join(dir, name), bundle.bytes);
  const r = await relayFile(hq.store, join(dir, name));
  return { bundle, answer: readFileSync(r.out) };
}

/** A laptop enrolled and synced online once under the version before reviews, then updated. */
async function updatedLaptop(user: string): Promise<Profile> {
  const d = mkdtempSync(join(tmpdir(), 'rc-relay-repull-'));
  dirs.push(d);
  let p = await openProfile(d, { schemaUpTo: OLD_SCHEMA });
  await enrolDevice(dev(p), hq.url, await hq.code(user, 'county_organiser', county.path));
  await syncOnce(dev(p)); // registers its relay key; gets what the old version can hold
  await p.store.close();
  p = await openProfile(d); // the updated app
  return p;
}

beforeAll(async () => {
  hq = await startTestHq();
  dir = mkdtempSync(join(tmpdir(), 'rc-relay-repull-files-'));
  ({ admin, fresh, county, outletId, branchId } = await lintongOutlet(hq));
  await fresh.sync();
  await call(fresh.context(), 'reviews.save', review(10));
  await fresh.sync();
}, 120_000);

afterAll(async () => {
  await fresh?.cleanup();
  await admin?.cleanup();
  await hq?.close();
  for (const d of [dir, ...dirs]) rmSync(d, { recursive: true, force: true });
});

it('brings the tables the former version skipped in the answer to the first bundle after the update, keeping offline edits', async () => {
  const p = await updatedLaptop('县组织员乙');
  try {
    expect(analyses(p)).toEqual([]); // skipped by the old version, and the cursor has moved past
    expect(repullRequest(p.store.raw)?.tables).toEqual(expect.arrayContaining(['review_findings', 'reviews']));
    expect(repullRequest(p.store.raw)?.tables).not.toContain('outlets');
    // Offline on the updated app: an edit of a table it always had.
    p.store.raw.prepare(`UPDATE outlets SET staff_count = 14, updated_at = '2026-12-04T03:00:00Z' WHERE id = ?`).run(outletId);
    const first = await carry(p, 'one.rcsync');
    const r = await importAnswer(dev(p), first.answer);
    expect(r.outcome).toBe('imported');
    expect(r.uploaded).toBe(1);
    expect(r.more).toBe(false);
    expect(analyses(p)).toEqual(['第10月复盘分析']);
    expect(r.downloaded).toBeGreaterThanOrEqual(1);
    expect((p.store.raw.prepare(`SELECT staff_count FROM outlets WHERE id = ?`).get(outletId) as { staff_count: number }).staff_count).toBe(14);
    expect(repullRequest(p.store.raw)).toBeUndefined();

    // What comes later arrives as usual, and the next bundle re-pulls nothing.
    await call(fresh.context(), 'reviews.save', review(11));
    await fresh.sync();
    const second = await carry(p, 'two.rcsync');
    const r2 = await importAnswer(dev(p), second.answer);
    expect(analyses(p)).toEqual(['第10月复盘分析', '第11月复盘分析']);
    expect(r2.downloaded).toBe(1);
    // The other device sees the laptop's offline edit.
    await fresh.sync();
    expect((fresh.store.raw.prepare(`SELECT staff_count FROM outlets WHERE id = ?`).get(outletId) as { staff_count: number }).staff_count).toBe(14);
  } finally {
    await p.store.close();
  }
});

it('changes nothing twice when an online sync did the re-pull before the answer came back', async () => {
  const p = await updatedLaptop('县组织员丙');
  try {
    expect(repullRequest(p.store.raw)).toBeDefined();
    const late = await carry(p, 'late.rcsync');
    const online = await syncOnce(dev(p));
    expect(online.repulled.tables).toEqual(expect.arrayContaining(['reviews']));
    const before = analyses(p);
    expect(before).toEqual(['第10月复盘分析', '第11月复盘分析']);
    const r = await importAnswer(dev(p), late.answer);
    expect(r.outcome).toBe('imported');
    expect(analyses(p)).toEqual(before);
    expect(repullRequest(p.store.raw)).toBeUndefined();
    expect((await syncOnce(dev(p))).repulled.tables).toEqual([]);
  } finally {
    await p.store.close();
  }
});
