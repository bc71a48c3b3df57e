// Unlocking a console account locked after wrong passwords, over real HTTP: only an HQ administrator may,
// with the session's CSRF token; it is logged with the lock it lifted; the person signs in again at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putSetting } from '../../hq/admin.js';
import { ADMIN_PW, Client, COUNTY_PW, startConsoleHq, type ConsoleHq } from './support.js';

let hq: ConsoleHq;
beforeAll(async () => {
  hq = await startConsoleHq();
  await putSetting(hq.store, 'console.signIn', { maxFailures: 3, lockMinutes: 30 });
});
afterAll(async () => hq?.close());

const lockOut = async (user: string) => {
  const c = new Client(hq.url);
  for (let i = 0; i < 3; i++) expect((await c.signIn(user, 'not-the-password-1')).status).toBe(401);
  expect((await c.signIn(user, COUNTY_PW)).status).toBe(423);
};
const lockedUntil = async (user: string) => (await hq.store.db.selectFrom('hq_console_users').select('locked_until').where('user_name', '=', user).executeTakeFirstOrThrow()).locked_until;

describe('unlocking a console account', () => {
  it('lets an HQ administrator lift the lock, logs it, and the person signs in again', async () => {
    await lockOut('lintong');
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    const listed = (await admin.call('GET', '/console/api/users')).json as unknown as { userName: string; locked: boolean }[];
    expect(listed.find((u) => u.userName === 'lintong')?.locked).toBe(true);

    // Without the CSRF token nothing changes.
    expect((await admin.call('POST', '/console/api/users/unlock', { userName: 'lintong' }, { 'x-rc-csrf': 'forged' })).status).toBe(403);
    expect(await lockedUntil('lintong')).not.toBeNull();

    const r = await admin.call('POST', '/console/api/users/unlock', { userName: 'lintong' });
    expect(r.status).toBe(200);
    expect(await lockedUntil('lintong')).toBeNull();
    const log = await hq.store.db.selectFrom('hq_console_audit').selectAll().where('action', '=', 'user.unlock').execute();
    expect(log.map((l) => [l.user_name, l.target, JSON.parse(l.after_json!)])).toEqual([['admin', 'lintong', { lockedUntil: null, failedCount: 0 }]]);
    expect(JSON.parse(log[0]!.before_json!).lockedUntil).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await new Client(hq.url).signIn('lintong', COUNTY_PW)).status).toBe(200);

    const again = await admin.call('POST', '/console/api/users/unlock', { userName: 'lintong' });
    expect([again.status, again.json.zh]).toEqual([409, '账号“lintong”未被锁定']);
    expect((await admin.call('POST', '/console/api/users/unlock', { userName: 'nobody' })).status).toBe(404);
  });

  it('refuses a county organiser, changing nothing', async () => {
    const organiser = new Client(hq.url);
    expect((await organiser.signIn('lintong', COUNTY_PW)).status).toBe(200);
    const admin = new Client(hq.url);
    await admin.signIn('admin', ADMIN_PW);
    await admin.call('POST', '/console/api/users', { userName: 'yanta', displayName: '雁塔组织员', role: 'county_organiser', scopePath: '/hq/xa/xa-yanta/', password: 'Dayan-Pagoda-2026!' });
    await lockOut('yanta');
    const before = await lockedUntil('yanta');
    const r = await organiser.call('POST', '/console/api/users/unlock', { userName: 'yanta' });
    expect([r.status, r.json.zh]).toEqual([403, '只有省公司管理员可以解除账号锁定']);
    expect(await lockedUntil('yanta')).toEqual(before);
    expect(await hq.store.db.selectFrom('hq_console_audit').select('id').where('action', '=', 'user.unlock').where('target', '=', 'yanta').execute()).toEqual([]);
  });
});
