// Console accounts and sessions. A sign-in always makes a new session id (nothing a visitor held before
// signing in is ever promoted: no fixation); HQ keeps only the id's SHA-256. Wrong passwords count
// per account; at `console.signIn.maxFailures` the account is locked for `lockMinutes`, and while it is
// locked even the right password is refused (an attacker learns nothing from the answer).
import { randomBytes } from 'node:crypto';
import type { ConsoleRole } from '../../shared/console/types.js';
import { sha256 } from '../auth.js';
import { HqError } from '../errors.js';
import { num, type HqStore } from '../store.js';
import { audit } from './audit.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { consoleSettingsOf } from './store.js';

type Db = HqStore['db'];

export interface ConsoleUser { userName: string; displayName: string; role: ConsoleRole; scopePath: string }

export async function createUser(db: Db, u: ConsoleUser & { password: string }, by: string | null): Promise<void> {
  const problem = passwordProblem(u.password, u.userName);
  if (problem) throw new HqError(400, 'weak_password', problem.zh, problem.en);
  if (u.role === 'hq_admin' && u.scopePath !== '/') throw new HqError(400, 'bad_scope', '省公司管理员的范围须为全省（/）', 'An HQ administrator covers the whole province (/)');
  if (u.role === 'county_organiser' && u.scopePath === '/') throw new HqError(400, 'bad_scope', '县公司组织员须限定到其县公司', 'A county organiser must be limited to a county');
  const clash = await db.selectFrom('hq_console_users').select('user_name').where('user_name', '=', u.userName).executeTakeFirst();
  if (clash) throw new HqError(409, 'user_exists', `用户名“${u.userName}”已存在`, `The user name "${u.userName}" is taken`);
  await db
    .insertInto('hq_console_users')
    .values({
      user_name: u.userName, display_name: u.displayName, role: u.role, scope_path: u.scopePath, password_hash: await hashPassword(u.password),
      failed_count: 0, locked_until: null, created_at: new Date().toISOString(), created_by: by, disabled_at: null,
    })
    .execute();
  await audit(db, { userName: by ?? '(hq command)', action: 'user.create', scopePath: u.scopePath, target: u.userName, after: { role: u.role, scopePath: u.scopePath, displayName: u.displayName } });
}

const wrong = () => new HqError(401, 'bad_password', '用户名或密码错误', 'Wrong user name or password');

/** Checks the password; on success returns the new session's cookie id (only its hash is stored) and CSRF token. */
export async function signIn(db: Db, userName: string, password: string, ip: string): Promise<{ sid: string; csrf: string; user: ConsoleUser }> {
  const now = Date.now();
  const u = await db.selectFrom('hq_console_users').selectAll().where('user_name', '=', userName).executeTakeFirst();
  if (!u || u.disabled_at) {
    await verifyPassword(password, await decoyHash());
    throw wrong();
  }
  const rules = (await consoleSettingsOf(db)).signIn;
  if (u.locked_until !== null && num(u.locked_until) > now) {
    const minutes = Math.ceil((num(u.locked_until) - now) / 60_000);
    throw new HqError(423, 'locked', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`, `Too many wrong passwords: the account is locked for ${minutes} more minute(s)`);
  }
  if (!(await verifyPassword(password, u.password_hash))) {
    const failed = u.failed_count + 1;
    const lock = failed >= rules.maxFailures;
    await db.updateTable('hq_console_users')
      .set({ failed_count: lock ? 0 : failed, locked_until: lock ? now + rules.lockMinutes * 60_000 : u.locked_until === null ? null : num(u.locked_until) })
      .where('user_name', '=', userName).execute();
    if (lock) await audit(db, { userName, action: 'user.locked', scopePath: u.scope_path, target: userName, after: { minutes: rules.lockMinutes }, ip });
    throw wrong();
  }
  await db.updateTable('hq_console_users').set({ failed_count: 0, locked_until: null }).where('user_name', '=', userName).execute();
  const sid = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.insertInto('hq_console_sessions').values({ id_hash: sha256(sid), user_name: userName, csrf, created_at: now, last_at: now }).execute();
  await audit(db, { userName, action: 'session.signin', scopePath: u.scope_path, target: userName, ip });
  return { sid, csrf, user: { userName, displayName: u.display_name, role: u.role, scopePath: u.scope_path } };
}

/** The signed-in user behind a cookie id, or null (unknown, expired, idle too long, account disabled). */
export async function sessionOf(db: Db, sid: string | undefined): Promise<(ConsoleUser & { csrf: string; idHash: string }) | null> {
  if (!sid || sid.length > 100) return null;
  const idHash = sha256(sid);
  const s = await db.selectFrom('hq_console_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!s) return null;
  const rules = (await consoleSettingsOf(db)).session;
  const now = Date.now();
  if (now - num(s.last_at) > rules.idleMinutes * 60_000 || now - num(s.created_at) > rules.maxHours * 3_600_000) {
    await db.deleteFrom('hq_console_sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  const u = await db.selectFrom('hq_console_users').selectAll().where('user_name', '=', s.user_name).executeTakeFirst();
  if (!u || u.disabled_at) return null;
  if (now - num(s.last_at) > 30_000) await db.updateTable('hq_console_sessions').set({ last_at: now }).where('id_hash', '=', idHash).execute();
  return { userName: u.user_name, displayName: u.display_name, role: u.role, scopePath: u.scope_path, csrf: s.csrf, idHash };
}

export async function signOut(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('hq_console_sessions').where('id_hash', '=', idHash).execute();
}

/** An HQ administrator lifts a lockout before it runs out (the person was identified by phone): logged with what it was. */
export async function unlockUser(db: Db, by: ConsoleUser, userName: string, ip: string): Promise<void> {
  if (by.role !== 'hq_admin') throw new HqError(403, 'forbidden', '只有省公司管理员可以解除账号锁定', 'Only HQ administrators unlock accounts');
  const u = await db.selectFrom('hq_console_users').select(['user_name', 'scope_path', 'locked_until', 'failed_count']).where('user_name', '=', userName).executeTakeFirst();
  if (!u) throw new HqError(404, 'no_user', `没有账号“${userName}”`, `No account "${userName}"`);
  const until = u.locked_until === null ? null : num(u.locked_until);
  if (until === null || until <= Date.now()) throw new HqError(409, 'not_locked', `账号“${userName}”未被锁定`, `The account "${userName}" is not locked`);
  await db.updateTable('hq_console_users').set({ failed_count: 0, locked_until: null }).where('user_name', '=', userName).execute();
  await audit(db, {
    userName: by.userName, action: 'user.unlock', scopePath: u.scope_path, target: userName,
    before: { lockedUntil: new Date(until).toISOString(), failedCount: u.failed_count }, after: { lockedUntil: null, failedCount: 0 }, ip,
  });
}
