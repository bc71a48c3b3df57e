// The console's code dialog names the person an enrolment code is for, over HTTP as the browser
// does: Lintong's organiser finds people of the code's scope (with their branch and whether they are
// its secretary), names the branch secretary on a fresh code, and the device enrolled with it learns
// its person; a person of another county, another county's code and a used code are refused in both
// languages and change nothing; every naming is audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../../hq/auth.js';
import { ADMIN_PW, Client, COUNTY_PW, putRows, startConsoleHq, type ConsoleHq } from '../console/support.js';

const LINTONG = '/hq/xa/xa-lintong/';
const YANTA = '/hq/xa/xa-yanta/';

describe('naming the person an enrolment code is for', () => {
  let hq: ConsoleHq;
  let c: Client;
  let wang: string;
  let li: string;
  let qian: string;
  const codeOf = async (scopePath: string) => String((await c.call('POST', '/console/api/devices/code', { userName: '王建国', role: 'instructor', scopePath, days: 7 })).json.code);
  const namedUnused = async () => (await hq.store.db.selectFrom('hq_enrol_codes').select('person_id').where('user_name', '=', '王建国').where('used_at', 'is', null).where('person_id', 'is not', null).execute()).length;
  beforeAll(async () => {
    hq = await startConsoleHq();
    [wang, li, qian] = await putRows(hq.store, [
      { t: 'people', scope: `${LINTONG}g01/`, c: { name: '王建国', political_status: 'full_member' } },
      { t: 'people', scope: `${LINTONG}g01/`, c: { name: '李秀英', political_status: 'full_member' } },
      { t: 'people', scope: YANTA, c: { name: '钱外县', political_status: 'full_member' } },
    ]) as [string, string, string];
    const [branch] = await putRows(hq.store, [{ t: 'party_orgs', scope: LINTONG, c: { name: '骊山路党支部', org_type: 'branch', secretary_person_id: wang } }]);
    await putRows(hq.store, [
      { t: 'members', scope: `${LINTONG}g01/`, c: { person_id: wang, branch_id: branch!, join_date: '2010-07-01', standing: 'normal' } },
      { t: 'members', scope: `${LINTONG}g01/`, c: { person_id: li, branch_id: branch!, join_date: '2012-07-01', standing: 'normal' } },
    ]);
    c = new Client(hq.url);
    expect((await c.signIn('lintong', COUNTY_PW)).status).toBe(200);
  }, 60_000);
  afterAll(async () => hq?.close());

  it('offers the people of the code’s scope with their branch, and refuses another county’s', async () => {
    const found = (await c.call('GET', `/console/api/devices/people?scope=${encodeURIComponent(`${LINTONG}g01/`)}&q=`)).json as unknown as { name: string; branch: string | null; secretary: boolean }[];
    expect(found).toEqual([
      { personId: li, name: '李秀英', branch: '骊山路党支部', secretary: false },
      { personId: wang, name: '王建国', branch: '骊山路党支部', secretary: true },
    ].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
    expect(((await c.call('GET', `/console/api/devices/people?scope=${encodeURIComponent(LINTONG)}&q=王`)).json as unknown as unknown[]).length).toBe(1);
    expect((await c.call('GET', `/console/api/devices/people?scope=${encodeURIComponent(YANTA)}&q=`)).status).toBe(403);
  });

  it('names the secretary on a fresh code, audited, and the enrolled device learns its person', async () => {
    // a grid's code names him, but his branch sits at the county: a device of that grid never holds
    // the branch, so it is not his secretaryship's (the answer says so)
    const grid = await c.call('POST', '/console/api/devices/code-person', { code: await codeOf(`${LINTONG}g01/`), personId: wang });
    expect(grid.json).toMatchObject({ personId: wang, secretaryOf: [] });
    await hq.store.db.deleteFrom('hq_enrol_codes').where('person_id', '=', wang).execute();
    const code = await codeOf(LINTONG);
    const named = await c.call('POST', '/console/api/devices/code-person', { code, personId: wang });
    expect(named.status).toBe(200);
    expect(named.json).toMatchObject({ personId: wang, name: '王建国', secretaryOf: [expect.any(String)] });
    const audit = (await c.call('GET', '/console/api/audit')).json as unknown as { action: string; after: { name: string } }[];
    expect(audit.find((a) => a.action === 'device.code_person')).toMatchObject({ after: { name: '王建国' } });
    const a = await enrol(hq.store, { code, deviceId: randomUUID(), appVersion: '0.1.0', schemaVersion: 'x' });
    expect(a.personId).toBe(wang);
    expect((await hq.store.db.selectFrom('hq_devices').select('person_id').where('device_id', '=', a.deviceId).executeTakeFirstOrThrow()).person_id).toBe(wang);
    // used now: its person can no longer be changed
    const late = await c.call('POST', '/console/api/devices/code-person', { code, personId: li });
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ error: 'code_used', en: expect.stringContaining('used or expired') });
  });

  it('refuses a person of another county and another county’s code, in both languages, changing nothing', async () => {
    const code = await codeOf(LINTONG);
    const out = await c.call('POST', '/console/api/devices/code-person', { code, personId: qian });
    expect(out.status).toBe(403);
    expect(out.json).toMatchObject({ error: 'person_out_of_scope', zh: expect.stringContaining('不在该注册码的范围内'), en: expect.stringContaining("not within the code's scope") });
    expect(await namedUnused()).toBe(0);
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const yantaCode = String((await admin.call('POST', '/console/api/devices/code', { userName: '钱外县', role: 'instructor', scopePath: YANTA, days: 7 })).json.code);
    const foreign = await c.call('POST', '/console/api/devices/code-person', { code: yantaCode, personId: wang });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toMatchObject({ error: 'no_code', zh: '没有这个注册码' });
    expect(await hq.store.db.selectFrom('hq_enrol_codes').select('person_id').where('user_name', '=', '钱外县').executeTakeFirstOrThrow()).toEqual({ person_id: null });
  });
});
