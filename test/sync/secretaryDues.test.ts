// A branch secretary's dues amounts through a real HQ over HTTP. The secretary's device (an
// instructor's code naming 王建国, the secretary of the world's branch) receives and shows the amounts
// of that branch's members and not of another branch's; an instructor of the same county never; a
// second user of the secretary's PC sees paid/unpaid only; moving the secretary to 李秀英 at HQ clears
// 王建国's amounts and brings them to 李秀英's device at their next syncs; a forged enrolment naming a
// person is refused in both languages and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPg } from './pg.js';
import { createEnrolCode } from '../../hq/auth.js';
import { runAsUser } from '../../db/vault/signedIn.js';
import type { ApiContext } from '../../db/context.js';
import { buildMember, buildOutlet, buildTree, call } from '../support/builders.js';
import { at, buildWorld, type World } from '../points/world.js';
import { pullRaw } from './forge.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

let pg: RunningPg | undefined;
afterAll(async () => pg?.stop());

const sheet = async (b64: string) => {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  return (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
};

describe.each(['SQLite', 'PostgreSQL'] as const)('a branch secretary sees their branch members’ dues amounts (HQ on %s)', (engine) => {
  let hq: TestHq;
  let org: TestDevice;
  let sec: TestDevice;
  let instr: TestDevice;
  let next: TestDevice;
  let w: World;
  const nov = (d: TestDevice) => at(d.context(), '2026-11-10');
  const device = (user: string, personId: string | null) =>
    enrolledDevice({ url: hq.url, code: (u, role, scope) => createEnrolCode(hq.store, { userName: u, role, scopePath: scope, personId }) }, { user, role: 'instructor', scope: w.county.path });
  const amounts = (d: TestDevice) =>
    Object.fromEntries((d.store.raw.prepare(`SELECT p.name, group_concat(coalesce(d.amount_fen, 'null')) AS a FROM dues_payments d JOIN people p ON p.id = d.person_id GROUP BY p.name`).all() as { name: string; a: string }[]).map((r) => [r.name, r.a]));
  const bases = (d: TestDevice) =>
    Object.fromEntries((d.store.raw.prepare(`SELECT p.name, b.base_fen FROM dues_bases b JOIN people p ON p.id = b.person_id`).all() as { name: string; base_fen: number | null }[]).map((r) => [r.name, r.base_fen]));
  const listed = async (ctx: ApiContext) => {
    const page = await call(ctx, 'dues.list', {});
    return { sees: page.seesAmounts, monthly: Object.fromEntries(page.rows.filter((r) => r.start).map((r) => [r.name, r.monthly])) };
  };

  beforeAll(async () => {
    hq = await startTestHq(engine === 'PostgreSQL' ? (pg ??= await startPostgres()).url : undefined);
    org = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
    w = await buildWorld(org.context());
    // 王建国 is the world branch's secretary; 李秀英 and 张伟 are its members; 赵外支 is in another branch
    for (const [p, base] of [[w.full[0]!, 4000], [w.full[1]!, 8000], [w.full[2]!, 12000], [w.stranger, 6000]] as const) {
      await call(nov(org), 'dues.setBase', { personId: p.id, fromMonth: '2026-09', category: 'wage', base });
      await call(nov(org), 'dues.pay', { personId: p.id, months: ['2026-09', '2026-10'], paidOn: '2026-11-09', collector: '李秀英', method: 'cash' });
    }
    await org.sync();
    sec = await device('王建国', w.full[0]!.id);
    instr = await device('孙指导', null);
    next = await device('李秀英', w.full[1]!.id);
    for (const d of [sec, instr, next]) await d.sync();
  }, 90_000);
  afterAll(async () => {
    for (const d of [org, sec, instr, next]) await d?.cleanup();
    await hq?.close();
  });

  it('sends the secretary their branch’s amounts and bases, not another branch’s; the instructor none', async () => {
    expect(amounts(sec)).toEqual({ 王建国: '4000,4000', 李秀英: '12000,12000', 张伟: '24000,24000', 赵外支: 'null,null' });
    expect(bases(sec)).toEqual({ 王建国: 400000, 李秀英: 800000, 张伟: 1200000, 赵外支: null });
    expect(amounts(instr)).toEqual({ 王建国: 'null,null', 李秀英: 'null,null', 张伟: 'null,null', 赵外支: 'null,null' });
    expect(Object.values(bases(instr)).every((b) => b === null)).toBe(true);
    // on the wire itself: HQ redacts per device at each pull
    const wire = async (d: TestDevice) => (await pullRaw(d)).filter((r) => r.t === 'dues_payments').map((r) => [r.c.person_id, r.c.amount_fen]);
    expect(await wire(sec)).toContainEqual([w.full[2]!.id, 24000]);
    expect(await wire(sec)).toContainEqual([w.stranger.id, null]);
    expect((await wire(instr)).every(([, a]) => a === null)).toBe(true);
    // 李秀英 is not a secretary (yet): paid/unpaid only, like the instructor
    expect(Object.values(amounts(next)).every((a) => a === 'null,null')).toBe(true);
  });

  it('shows them on the secretary’s screens and ledger export, and to no other user of that PC', async () => {
    expect(await listed(nov(sec))).toEqual({ sees: true, monthly: { 王建国: '40.00', 李秀英: '120.00', 张伟: '240.00', 赵外支: null } });
    expect((await call(nov(sec), 'dues.rules', {})).secretaryOf).toEqual([w.branch.name]);
    const m = await call(nov(sec), 'dues.member', { personId: w.full[2]!.id });
    expect(m.payments.map((p) => p.amount)).toEqual(['240.00', '240.00']);
    expect(m.bases.map((b) => b.base)).toEqual(['12000.00']);
    expect((await call(nov(sec), 'dues.member', { personId: w.stranger.id })).payments.map((p) => p.amount)).toEqual([null, null]);
    const rows = await sheet((await call(nov(sec), 'dues.export', { year: 2026 })).base64);
    expect(rows.filter((r) => r[1] === '张伟').map((r) => r[3])).toEqual(['240.00', '240.00']);
    expect(rows.filter((r) => r[1] === '赵外支').map((r) => r[3])).toEqual(['*', '*']);
    // another user signed in on the same PC (an instructor using it): paid/unpaid only
    const other = { id: 'u-sun', name: '孙指导', role: 'staff' as const };
    const asOther = await runAsUser(other, () => listed(nov(sec)));
    expect(asOther).toEqual({ sees: false, monthly: { 王建国: null, 李秀英: null, 张伟: null, 赵外支: null } });
    const paidToo = await runAsUser(other, () => call(nov(sec), 'dues.member', { personId: w.full[2]!.id }));
    expect(paidToo.row.lastPaidMonth).toBe('2026-10');
    expect(paidToo.payments.map((p) => p.amount)).toEqual([null, null]);
    const hisSheet = await sheet((await runAsUser(other, () => call(nov(sec), 'dues.export', { year: 2026 }))).base64);
    expect(hisSheet.filter((r) => r[1] === '张伟').map((r) => r[3])).toEqual(['*', '*']);
    expect((await listed(nov(instr))).sees).toBe(false);
  });

  it('moves the right with a change of secretary at HQ, at the next sync both ways', async () => {
    await call(org.context(), 'partyOrgs.save', {
      id: w.branch.id, name: w.branch.name, orgType: 'branch', unitId: w.county.id, outletIds: [w.outlet.id],
      committee: [{ personId: w.full[1]!.id, role: 'secretary' }, { personId: w.full[0]!.id, role: 'organisation' }, { personId: w.full[2]!.id, role: 'propaganda' }],
    });
    await org.sync();
    await sec.sync();
    // nothing kept for someone who may no longer see it: cleared in the store, not only hidden
    expect(Object.values(amounts(sec)).every((a) => a === 'null,null')).toBe(true);
    expect(Object.values(bases(sec)).every((b) => b === null)).toBe(true);
    expect((await listed(nov(sec))).sees).toBe(false);
    expect(sec.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl LIKE 'dues_%'`).get()).toEqual({ n: 0 });
    // nor in the record history the device holds (clearing is no local change; HQ's history hides amounts by role)
    const history = (where: string) => (sec.store.raw.prepare(`SELECT count(*) AS n FROM record_history WHERE tbl LIKE 'dues_%' AND (${where})`).get() as { n: number }).n;
    expect(history('1')).toBeGreaterThan(0);
    expect(history(`new_value GLOB '*"amount_fen":[0-9]*' OR new_value GLOB '*"base_fen":[0-9]*' OR (col IN ('amount_fen', 'base_fen') AND (coalesce(old_value, '') || coalesce(new_value, '')) GLOB '*[0-9]*')`)).toBe(0);
    await next.sync();
    expect(amounts(next)).toEqual({ 王建国: '4000,4000', 李秀英: '12000,12000', 张伟: '24000,24000', 赵外支: 'null,null' });
    expect(await listed(nov(next))).toEqual({ sees: true, monthly: { 王建国: '40.00', 李秀英: '120.00', 张伟: '240.00', 赵外支: null } });
    // a new payment after the change reaches the new secretary only
    await call(nov(org), 'dues.pay', { personId: w.full[2]!.id, months: ['2026-11'], paidOn: '2026-11-10', collector: '李秀英', method: 'wechat' });
    await org.sync();
    for (const d of [sec, next, instr]) await d.sync();
    expect([amounts(sec).张伟, amounts(next).张伟, amounts(instr).张伟]).toEqual(['null,null,null', '24000,24000,24000', 'null,null,null']);
  });

  it('refuses a forged enrolment naming a person, in both languages, writing nothing', async () => {
    const away = await buildTree(org.context());
    const outlet = await buildOutlet(org.context(), away.county.id);
    const elsewhere = await buildMember(org.context(), outlet.id, (await call(org.context(), 'partyOrgs.save', { name: '外县党支部', orgType: 'branch', unitId: away.county.id })).id, { name: '钱外县' });
    await org.sync();
    const devices = async () => (await hq.store.db.selectFrom('hq_devices').select('device_id').execute()).length;
    const before = await devices();
    const code = await createEnrolCode(hq.store, { userName: '冒名者', role: 'instructor', scopePath: w.county.path });
    const enrol = (personId: string) => fetch(`${hq.url}/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId: randomUUID(), appVersion: '0.1.0', schemaVersion: 'x', personId }),
    });
    const out = await enrol(elsewhere.id);
    expect(out.status).toBe(403);
    const body = (await out.json()) as { error: string; zh: string; en: string };
    expect(body).toMatchObject({ error: 'person_out_of_scope' });
    expect(body.zh).toContain('不在该注册码的范围内');
    expect(body.en).toContain("not within the enrolment code's scope");
    const inScope = await enrol(w.full[0]!.id); // in scope, but the code names nobody: a device cannot name its user
    expect(inScope.status).toBe(403);
    expect(((await inScope.json()) as { error: string; zh: string }).error).toBe('person_not_on_code');
    expect(await devices()).toBe(before);
    const row = await hq.store.db.selectFrom('hq_enrol_codes').select(['used_at', 'person_id']).where('user_name', '=', '冒名者').executeTakeFirstOrThrow();
    expect(row).toEqual({ used_at: null, person_id: null });
    // nor can a code be made naming a person outside its scope
    await expect(createEnrolCode(hq.store, { userName: '外县', role: 'instructor', scopePath: w.county.path, personId: elsewhere.id })).rejects.toMatchObject({ code: 'person_out_of_scope' });
    expect(await hq.store.db.selectFrom('hq_enrol_codes').select('user_name').where('user_name', '=', '外县').execute()).toEqual([]);
  });
});
