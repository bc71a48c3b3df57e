// Several people sign in on one outlet PC, each with their own PIN or passphrase. Each user holds a
// copy of the store key wrapped under their own secret (scrypt → AES-256-GCM), beside the owner's.
// Why copies of the key and not per-user verifiers under a device key: a locked device must hold no
// key at all (browser mode has no OS keychain to keep a device key in), so whatever a user types has
// to be able to open the store by itself. The price: a copied profile folder can be attacked offline
// user by user, and a 6-digit PIN is the weakest of them — the wrong-try limits below only hold
// against someone using the app. Wrong tries are counted per device, not per user, so walking
// through the user list does not multiply the tries before the wipe.
// Where the OS has a real keychain (Electron safeStorage, not Linux's basic_text), each copy is sealed
// once more by it (keywrap.ts sealUserCopy), and copies made before are sealed at their user's next
// sign-in: a copied folder then gives nothing to test PIN guesses against without this computer's
// keychain. In browser mode there is no keychain: there, scrypt's cost (N = 2^15, r = 8: ~0.1 s and
// 32 MiB per guess here) is all that stands between a copied folder and a guessed PIN, so a
// passphrase is the better choice for browser-mode users.
import { ApiError } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { MIN_PIN_DIGITS_DEFAULT } from '../../shared/security/settings.js';
import { readWrap, sealUserCopy, writeWrap, type KeyWrap, type Keychain, type Unlocker, type UserWrap } from './keywrap.js';
import { MIN_PASSPHRASE, unwrapCounted } from './unlock.js';

export type DeviceUserRole = UserWrap['role'];
export type SecretKind = UserWrap['secretKind'];

/** What the rest of the app may know of a device user (never the wrap). */
export interface DeviceUser {
  id: string;
  /** Empty for a device owner who set the passphrase before names were asked. */
  name: string;
  role: DeviceUserRole;
  secretKind: SecretKind;
}

/** The id of the passphrase set at first run (the device owner). */
export const OWNER_ID = 'owner';

export interface NewUser {
  name: string;
  role: DeviceUserRole;
  secretKind: SecretKind;
  secret: string;
}

const bad = (path: string, zh: string, en: string) => new ApiError('validation', zh, en, [{ path, message: zh, messageEn: en }]);

/** Everyone who may sign in here: the owner (a passphrase profile) and the added users. */
export function listUsers(w: KeyWrap | null): DeviceUser[] {
  if (!w) return [];
  const owner: DeviceUser[] = w.kind === 'passphrase' ? [{ id: OWNER_ID, name: w.ownerName ?? '', role: 'owner', secretKind: 'passphrase' }] : [];
  return [...owner, ...(w.users ?? []).map(({ id, name, role, secretKind }) => ({ id, name, role, secretKind }))];
}

/** Who a sign-in with this unlocker is (the OS keychain signs in nobody in particular). */
export function userOf(w: KeyWrap, unlocker: Unlocker): DeviceUser | null {
  const id = unlocker.kind === 'user' ? unlocker.userId : unlocker.kind === 'passphrase' ? OWNER_ID : null;
  return listUsers(w).find((u) => u.id === id) ?? null;
}

/** A sign-in needs a user to be picked once users exist beside the OS keychain or the owner. */
export function unlockerFor(userId: string | undefined, secret: string, keychain?: Keychain): Unlocker {
  if (!userId || userId === OWNER_ID) return { kind: 'passphrase', passphrase: secret };
  return keychain ? { kind: 'user', userId, secret, keychain } : { kind: 'user', userId, secret };
}

export function checkSecret(kind: SecretKind, secret: string, minPinDigits = MIN_PIN_DIGITS_DEFAULT): void {
  if (kind === 'pin' && !new RegExp(`^\\d{${minPinDigits},}$`).test(secret))
    throw bad('secret', `PIN 须为至少 ${minPinDigits} 位数字`, `A PIN needs at least ${minPinDigits} digits`);
  if (kind === 'passphrase' && [...secret].length < MIN_PASSPHRASE)
    throw bad('secret', `口令至少需要 ${MIN_PASSPHRASE} 个字符`, `A passphrase needs at least ${MIN_PASSPHRASE} characters`);
}

const mayManage = (u: DeviceUser | null) => u?.role === 'owner' || u?.role === 'organiser';
const notAllowed = () => new ApiError('forbidden', '只有设备所有者或县级组织员可以管理本机用户', 'Only the device owner or a county organiser may manage the users of this device');

/**
 * Checks the manager's own secret (counted like a sign-in: a walked-away session cannot add a user)
 * and returns the store key with the wrap. With only the OS keychain and no user yet, the first user
 * is added by whoever has the open app, and becomes the owner.
 */
async function asManager(dir: string, storeFile: string, manager: Unlocker, now: Date): Promise<{ w: KeyWrap; key: Buffer; by: DeviceUser | null }> {
  const w = readWrap(dir);
  if (!w) throw new ApiError('forbidden', '请先登录', 'Sign in first');
  const firstOnKeychain = w.kind === 'os' && !(w.users ?? []).length && manager.kind === 'os';
  const by = userOf(w, manager);
  if (!firstOnKeychain && !mayManage(by)) throw notAllowed();
  const key = await unwrapCounted(dir, storeFile, w, manager, now);
  return { w: readWrap(dir) ?? w, key, by };
}

export async function addUser(dir: string, storeFile: string, manager: Unlocker, nu: NewUser, now = new Date(), keychain?: Keychain): Promise<DeviceUser> {
  const name = String(nu.name ?? '').trim();
  if (!name || [...name].length > 40) throw bad('name', '请填写姓名（不超过 40 字）', 'Enter a name (at most 40 characters)');
  if (!['owner', 'organiser', 'staff'].includes(nu.role)) throw bad('role', '请选择身份', 'Choose a role');
  if (nu.secretKind !== 'pin' && nu.secretKind !== 'passphrase') throw bad('secretKind', '请选择 PIN 或口令', 'Choose PIN or passphrase');
  const { w, key, by } = await asManager(dir, storeFile, manager, now);
  checkSecret(nu.secretKind, String(nu.secret ?? ''), w.policy.minPinDigits);
  if (listUsers(w).some((u) => u.name === name)) throw bad('name', `本机已有名为“${name}”的用户`, `This device already has a user named "${name}"`);
  // Only an owner makes another owner; the first user on a keychain device is its owner.
  const role = !by ? 'owner' : nu.role === 'owner' && by.role !== 'owner' ? 'organiser' : nu.role;
  const u: UserWrap = { id: uuidv7(), name, role, secretKind: nu.secretKind, ...(await sealUserCopy(nu.secret, key, keychain)), createdAt: now.toISOString() };
  key.fill(0);
  writeWrap(dir, { ...w, users: [...(w.users ?? []), u] });
  return { id: u.id, name, role, secretKind: u.secretKind };
}

export async function removeUser(dir: string, storeFile: string, manager: Unlocker, userId: string, now = new Date()): Promise<void> {
  const { w, key, by } = await asManager(dir, storeFile, manager, now);
  key.fill(0);
  const target = (w.users ?? []).find((u) => u.id === userId);
  if (!target) throw bad('userId', userId === OWNER_ID ? '设备所有者不能被删除' : '没有这个用户', userId === OWNER_ID ? 'The device owner cannot be removed' : 'No such user');
  if (by && target.id === by.id) throw bad('userId', '不能删除自己', 'You cannot remove yourself');
  if (target.role === 'owner' && by?.role !== 'owner') throw notAllowed();
  writeWrap(dir, { ...w, users: (w.users ?? []).filter((u) => u.id !== userId) });
}

/** The owner's name, given at first run. */
export function nameOwner(dir: string, name: string): void {
  const w = readWrap(dir);
  const clean = name.trim().slice(0, 40);
  if (w && clean && w.kind === 'passphrase') writeWrap(dir, { ...w, ownerName: clean });
}
