// A branch secretary whose device reaches HQ only by relay file (hq/relay/relay.ts and
// db/sync/relay/import.ts): HQ answers the bundle with their branch's dues amounts, as an online pull
// would, and never another branch's; once they are no longer the secretary, importing the next
// answer clears the amounts from the store itself — the amounts a relay answer brought included —
// without a network.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode } from '../../hq/auth.js';
import { relayFile } from '../../hq/relay/file.js';
import { exportBundle } from '../../db/sync/relay/export.js';
import { importAnswer } from '../../db/sync/relay/import.js';
import { call } from '../support/builders.js';
import { at, buildWorld, type World } from '../points/world.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

describe('a branch secretary who syncs by relay file', () => {
  let hq: TestHq;
  let org: TestDevice;
  let sec: TestDevice;
  let w: World;
  let dir: string;
  const nov = (d: TestDevice) => at(d.context(), '2026-11-10');
  const amounts = (d: TestDevice) =>
    Object.fromEntries((d.store.raw.prepare(`SELECT p.name, group_concat(coalesce(d.amount_fen, 'null')) AS a FROM (SELECT * FROM dues_payments ORDER BY month) d JOIN people p ON p.id = d.person_id GROUP BY p.name`).all() as { name: string; a: string }[]).map((r) => [r.name, r.a]));
  const relay = async (d: TestDevice, name: string) => {
    const bundle = await exportBundle(d.dev);
    writeFileSync(join(dir, name), bundle.bytes);
    const r = await relayFile(hq.store, join(dir, name));
    return importAnswer(d.dev, readFileSync(r.out));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rc-secretary-relay-'));
    hq = await startTestHq();
    org = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    w = await buildWorld(org.context());
    // 王建国 (full[0]) is the world branch's secretary; 张伟 (full[2]) its member; 赵外支 in another branch
    for (const p of [w.full[0]!, w.full[2]!, w.stranger]) {
      await call(nov(org), 'dues.setBase', { personId: p.id, fromMonth: '2026-09', category: 'wage', base: 12000 });
      await call(nov(org), 'dues.pay', { personId: p.id, months: ['2026-09'], paidOn: '2026-11-09', collector: '李秀英', method: 'cash' });
    }
    await org.sync();
    sec = await enrolledDevice(
      { url: hq.url, code: (u, role, scope) => createEnrolCode(hq.store, { userName: u, role, scopePath: scope, personId: w.full[0]!.id }) },
      { user: '王建国', role: 'instructor', scope: w.county.path },
    );
    await sec.sync();
  }, 90_000);
  afterAll(async () => {
    for (const d of [org, sec]) await d?.cleanup();
    await hq?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('receives a new payment’s amount of their branch in the relay answer, another branch’s as null', async () => {
    expect(amounts(sec)).toMatchObject({ 张伟: '24000', 赵外支: 'null' });
    for (const p of [w.full[2]!, w.stranger]) await call(nov(org), 'dues.pay', { personId: p.id, months: ['2026-10'], paidOn: '2026-11-10', collector: '李秀英', method: 'wechat' });
    await org.sync();
    const r = await relay(sec, 'bundle-1.rcsync');
    expect(r).toMatchObject({ outcome: 'imported', pullSkipped: false });
    expect(amounts(sec)).toMatchObject({ 张伟: '24000,24000', 赵外支: 'null,null' });
    expect((await call(nov(sec), 'dues.member', { personId: w.full[2]!.id })).payments.map((p) => p.amount)).toEqual(['240.00', '240.00']);
  });

  it('clears every amount from the store when an answer shows them secretary no longer', async () => {
    await call(org.context(), 'partyOrgs.save', {
      id: w.branch.id, name: w.branch.name, orgType: 'branch', unitId: w.county.id, outletIds: [w.outlet.id],
      committee: [{ personId: w.full[1]!.id, role: 'secretary' }, { personId: w.full[0]!.id, role: 'organisation' }],
    });
    await org.sync();
    const r = await relay(sec, 'bundle-2.rcsync');
    expect(r.outcome).toBe('imported');
    const held = sec.store.raw.prepare(`SELECT (SELECT count(*) FROM dues_payments WHERE amount_fen IS NOT NULL) + (SELECT count(*) FROM dues_bases WHERE base_fen IS NOT NULL) AS n`).get();
    expect(held).toEqual({ n: 0 });
    expect((await call(nov(sec), 'dues.list', {})).seesAmounts).toBe(false);
    expect(sec.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl LIKE 'dues_%'`).get()).toEqual({ n: 0 });
    // and the next online sync brings none back
    await sec.sync();
    expect(Object.values(amounts(sec)).every((a) => /^(null,?)+$/.test(a))).toBe(true);
  });
});
