// The console's sign-in and guards over real HTTP against a real HQ (SQLite file): lockout after wrong
// passwords, a new session id at every sign-in, CSRF and cross-site refusals, no session → 401, and a
// county organiser confined to their county — each refusal changing nothing.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode, enrol } from '../../hq/auth.js';
import { putSetting } from '../../hq/admin.js';
import { ADMIN_PW, Client, COUNTY_PW, startConsoleHq, type ConsoleHq } from './support.js';

let hq: ConsoleHq;
const LINTONG = '/hq/xa/xa-lintong/';
const YANTA = '/hq/xa/xa-yanta/';
let lintongDevice = '';
let yantaDevice = '';

async function device(scope: string, user: string): Promise<string> {
  const code = await createEnrolCode(hq.store, { userName: user, role: 'instructor', scopePath: scope });
  const deviceId = crypto.randomUUID();
  await enrol(hq.store, { code, deviceId, appVersion: '0.1.0', schemaVersion: 'x' });
  return deviceId;
}

beforeAll(async () => {
  hq = await startConsoleHq();
  lintongDevice = await device(LINTONG, '王五');
  yantaDevice = await device(YANTA, '赵六');
});
afterAll(async () => hq?.close());

describe('console sign-in', () => {
  it('answers nothing without a session: every endpoint is 401', async () => {
    const c = new Client(hq.url);
    for (const p of ['/console/api/session', '/console/api/devices', '/console/api/overview', '/console/api/refdata', '/console/api/health', '/console/api/audit', '/console/api/users'])
      expect((await c.call('GET', p)).status, p).toBe(401);
    const r = await c.call('POST', '/console/api/devices/revoke', { deviceId: lintongDevice }, { 'x-rc-csrf': 'guess' });
    expect(r.status).toBe(401);
    const d = await hq.store.db.selectFrom('hq_devices').select('revoked_at').where('device_id', '=', lintongDevice).executeTakeFirstOrThrow();
    expect(d.revoked_at).toBeNull();
  });

  it('keeps only a scrypt hash of the password', async () => {
    const u = await hq.store.db.selectFrom('hq_console_users').select('password_hash').where('user_name', '=', 'admin').executeTakeFirstOrThrow();
    expect(u.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(u.password_hash).not.toContain(ADMIN_PW);
  });

  it('locks an account after the configured number of wrong passwords, even for the right one, and logs it', async () => {
    await putSetting(hq.store, 'console.signIn', { maxFailures: 3, lockMinutes: 10 });
    const c = new Client(hq.url);
    for (let i = 0; i < 3; i++) {
      const r = await c.signIn('lintong', 'wrong-password-123');
      expect(r.status).toBe(401);
      expect(r.json.zh).toBe('用户名或密码错误');
    }
    const locked = await c.signIn('lintong', COUNTY_PW);
    expect(locked.status).toBe(423);
    expect(String(locked.json.zh)).toContain('已锁定');
    expect(c.cookie).toBe('');
    const log = await hq.store.db.selectFrom('hq_console_audit').selectAll().where('action', '=', 'user.locked').execute();
    expect(log.map((l) => l.target)).toEqual(['lintong']);
    // unlocked again for the tests below, as an administrator would after the wait
    await hq.store.db.updateTable('hq_console_users').set({ locked_until: null, failed_count: 0 }).where('user_name', '=', 'lintong').execute();
  });

  it('gives a new session id at sign-in: a cookie planted before is never promoted', async () => {
    const c = new Client(hq.url);
    c.cookie = 'rc_hq_console=planted-by-an-attacker-0123456789';
    const r = await c.signIn('admin', ADMIN_PW);
    expect(r.status).toBe(200);
    expect(r.setCookie).toMatch(/HttpOnly/);
    expect(r.setCookie).toMatch(/SameSite=Strict/);
    expect(c.cookie).not.toContain('planted');
    const attacker = new Client(hq.url);
    attacker.cookie = 'rc_hq_console=planted-by-an-attacker-0123456789';
    expect((await attacker.call('GET', '/console/api/session')).status).toBe(401);
    // signing in again ends the first session
    const first = c.cookie;
    await c.signIn('admin', ADMIN_PW);
    expect(c.cookie).not.toBe(first);
    const stale = new Client(hq.url);
    stale.cookie = first;
    expect((await stale.call('GET', '/console/api/session')).status).toBe(401);
    expect((await c.call('GET', '/console/api/session')).json.userName).toBe('admin');
  });

  it('refuses a state-changing call without the CSRF token or from another site, changing nothing', async () => {
    const c = new Client(hq.url);
    await c.signIn('admin', ADMIN_PW);
    const noToken = await c.call('POST', '/console/api/devices/revoke', { deviceId: yantaDevice }, { 'x-rc-csrf': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.json.error).toBe('csrf');
    const wrongToken = await c.call('POST', '/console/api/devices/revoke', { deviceId: yantaDevice }, { 'x-rc-csrf': `${c.csrf.slice(0, -2)}xx` });
    expect(wrongToken.status).toBe(403);
    const crossSite = await c.call('POST', '/console/api/devices/revoke', { deviceId: yantaDevice }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error).toBe('cross_site');
    const formPost = await new Client(hq.url).call('POST', '/console/api/signin', { userName: 'admin', password: ADMIN_PW });
    expect(formPost.status).toBe(403);
    const d = await hq.store.db.selectFrom('hq_devices').select('revoked_at').where('device_id', '=', yantaDevice).executeTakeFirstOrThrow();
    expect(d.revoked_at).toBeNull();
    expect(await hq.store.db.selectFrom('hq_console_audit').selectAll().where('action', '=', 'device.revoke').execute()).toEqual([]);
  });
});

describe('the quiz behind the console', () => {
  it('needs a session to read, the CSRF token to change, HQ to keep the catalogue, and logs each change', async () => {
    const rewards = async () => (await hq.store.db.selectFrom('hq_rows').select('row_id').where('tbl', '=', 'quiz_rewards').execute()).length;
    expect((await new Client(hq.url).call('GET', '/console/api/v1/quiz/redemptions')).status).toBe(401);
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const reward = { name: '1GB 流量包', price: 5, stock: 3 };
    expect((await admin.call('POST', '/console/api/v1/quiz/rewards', reward, { 'x-rc-csrf': '' })).status).toBe(403);
    const county = new Client(hq.url);
    await county.signIn('lintong', COUNTY_PW);
    expect((await county.call('GET', '/console/api/v1/quiz/redemptions')).status).toBe(200);
    expect((await county.call('POST', '/console/api/v1/quiz/rewards', reward)).status).toBe(403);
    expect(await rewards()).toBe(0);
    const made = await admin.call('POST', '/console/api/v1/quiz/rewards', reward);
    expect(made.status).toBe(200);
    expect(await rewards()).toBe(1);
    const logged = await hq.store.db.selectFrom('hq_console_audit').select(['user_name', 'action']).where('action', 'like', 'quiz.%').execute();
    expect(logged.map((r) => r.user_name)).toContain('admin');
  });
});

describe('a county organiser', () => {
  it('sees only their county and cannot read or change another', async () => {
    const c = new Client(hq.url);
    expect((await c.signIn('lintong', COUNTY_PW)).status).toBe(200);
    const list = (await c.call('GET', '/console/api/devices')).json as { devices: { deviceId: string }[] };
    expect(list.devices.map((d) => d.deviceId)).toEqual([lintongDevice]);
    expect((await c.call('GET', `/console/api/devices?scope=${encodeURIComponent(YANTA)}`)).status).toBe(403);
    expect((await c.call('GET', `/console/api/overview?scope=${encodeURIComponent(YANTA)}`)).status).toBe(403);
    expect((await c.call('GET', `/console/api/health?scopePath=${encodeURIComponent('/')}`)).status).toBe(403);
    const revoke = await c.call('POST', '/console/api/devices/revoke', { deviceId: yantaDevice });
    expect(revoke.status).toBe(404);
    const code = await c.call('POST', '/console/api/devices/code', { userName: '外县', role: 'instructor', scopePath: YANTA, days: 7 });
    expect(code.status).toBe(403);
    const admin = await c.call('POST', '/console/api/devices/code', { userName: '冒充', role: 'hq_admin', scopePath: '/', days: 7 });
    expect(admin.status).toBe(403);
    const setting = await c.call('POST', '/console/api/refdata/set', { key: 'assessment.thresholds', scopePath: YANTA, value: { coverage: { green: 0.5, yellow: 0.4 } } });
    expect(setting.status).toBe(403);
    const province = await c.call('POST', '/console/api/refdata/set', { key: 'assessment.thresholds', scopePath: '/', value: { coverage: { green: 0.5, yellow: 0.4 } } });
    expect(province.status).toBe(403);
    const user = await c.call('POST', '/console/api/users', { userName: 'sneaky', displayName: 'x', role: 'hq_admin', scopePath: '/', password: 'another-long-password-1' });
    expect(user.status).toBe(403);
    expect((await hq.store.db.selectFrom('hq_devices').select('revoked_at').where('device_id', '=', yantaDevice).executeTakeFirstOrThrow()).revoked_at).toBeNull();
    expect(await hq.store.db.selectFrom('hq_enrol_codes').select('scope_path').where('user_name', 'in', ['外县', '冒充']).execute()).toEqual([]);
    expect(await hq.store.db.selectFrom('hq_console_users').select('user_name').where('user_name', '=', 'sneaky').execute()).toEqual([]);
    // and within their county they can act: a code for an instructor there, logged with who and what
    const ok = await c.call('POST', '/console/api/devices/code', { userName: '李四', role: 'instructor', scopePath: '/hq/xa/xa-lintong/g01/', days: 3 });
    expect(ok.status).toBe(200);
    expect(String(ok.json.code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(String(ok.json.qrDataUrl)).toMatch(/^data:image\/png;base64,/);
    const audit = (await c.call('GET', '/console/api/audit')).json as unknown as { action: string; userName: string; after: { scopePath: string } }[];
    expect(audit.find((a) => a.action === 'device.code')).toMatchObject({ userName: 'lintong', after: { scopePath: '/hq/xa/xa-lintong/g01/' } });
    expect(audit.every((a) => a.action !== 'user.create' || a.userName !== 'admin')).toBe(true);
  });
});

describe('plain HTTP', () => {
  it('is flagged to the console when HQ is reached at another machine\'s name, not on loopback', async () => {
    const c = new Client(hq.url);
    await c.signIn('admin', ADMIN_PW);
    const at = async (host: string) => {
      const { port } = new URL(hq.url);
      return new Promise<{ insecure: boolean }>((ok, fail) => {
        const r = request({ host: '127.0.0.1', port, path: '/console/api/session', headers: { host, cookie: c.cookie } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => ok(JSON.parse(body) as { insecure: boolean }));
        });
        r.on('error', fail);
        r.end();
      });
    };
    expect((await at(`127.0.0.1:${new URL(hq.url).port}`)).insecure).toBe(false);
    expect((await at('hq.sx-telecom.example:8080')).insecure).toBe(true);
  });
});
