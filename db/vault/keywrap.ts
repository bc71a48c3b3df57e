// The store key never touches disk in plain: keywrap.json holds it wrapped (AES-256-GCM) under a key
// derived from the user's passphrase (scrypt), or as the OS keychain's blob (Electron safeStorage).
// The file also keeps the count of wrong passphrases, which has to survive a restart to mean anything.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/core/errors.js';

export const KEYWRAP_FILE = 'keywrap.json';

/** The OS keychain as a sealer of bytes (Electron safeStorage, electron/vault.ts); browser mode has none. */
export interface Keychain {
  seal(bytes: Buffer): Promise<Buffer>;
  open(blob: Buffer): Promise<Buffer>;
}

/** How the key is unwrapped: a passphrase typed by the user, or the OS keychain through Electron. */
export type Unlocker =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'os'; wrap(key: Buffer): Promise<Buffer>; unwrap(blob: Buffer): Promise<Buffer> }
  /** One of the device's users (db/vault/users.ts), with their own PIN or passphrase; `keychain` where the OS has one. */
  | { kind: 'user'; userId: string; secret: string; keychain?: Keychain };

const b64 = z.string().regex(/^[A-Za-z0-9+/=]*$/);
const policy = z.object({
  lockoutAfter: z.number().int().min(1),
  lockoutSeconds: z.number().int().min(0),
  wipeAfter: z.number().int().min(1),
  minPinDigits: z.number().int().min(6).optional(),
});
const kdfSchema = z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 15), r: z.number().int().min(1), p: z.number().int().min(1), salt: b64 });

/** A copy of the store key wrapped under one device user's PIN or passphrase (see users.ts for why). */
export const userWrapSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(['owner', 'organiser', 'staff']),
  secretKind: z.enum(['pin', 'passphrase']),
  kdf: kdfSchema,
  iv: b64,
  tag: b64,
  wrapped: b64,
  /** The copy is sealed again by the OS keychain: `wrapped` holds the keychain's blob of iv, tag and ciphertext. */
  keychain: z.literal(true).optional(),
  createdAt: z.string(),
});
export type UserWrap = z.infer<typeof userWrapSchema>;
export type SignInPolicy = z.infer<typeof policy>;

const wrapSchema = z.object({
  v: z.literal(1),
  kind: z.enum(['passphrase', 'os']),
  kdf: kdfSchema.nullable(),
  iv: b64,
  tag: b64,
  wrapped: b64,
  failed: z.number().int().min(0),
  lastFailedAt: z.string().nullable(),
  policy,
  /** The page cipher of the store (db/open.ts); chacha20 for stores made before the choice existed. */
  cipher: z.enum(['chacha20', 'aes256cbc', 'sqlcipher', 'aegis']).optional(),
  /** Set while the store is being converted to this cipher (db/vault/recipher.ts): the file is under one of the two. */
  cipherTo: z.enum(['chacha20', 'aes256cbc', 'sqlcipher', 'aegis']).optional(),
  /** The name the passphrase holder (the device owner) gave at first run. */
  ownerName: z.string().optional(),
  users: z.array(userWrapSchema).optional(),
});
export type KeyWrap = z.infer<typeof wrapSchema>;

/** N = 2^15 (32 MiB, ~0.1 s here): the floor; a stronger setting found in the file is honoured. */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

export function scrypt(pass: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 };
  return new Promise((ok, fail) => scryptCb(pass.normalize('NFC'), salt, 32, opts, (e, k) => (e ? fail(e) : ok(k))));
}

const aad = Buffer.from('red-channel store key v1');

export function seal(kek: Buffer, key: Buffer) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv).setAAD(aad);
  const wrapped = Buffer.concat([c.update(key), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

export const wrongPassphrase = () => new ApiError('forbidden', '口令不正确', 'Wrong passphrase', [{ path: 'passphrase', message: '口令不正确', messageEn: 'Wrong passphrase' }]);

/** Wraps a store key for the given unlocker (a fresh salt each time: a re-wrap never reuses one). */
export async function wrapKey(key: Buffer, unlocker: Unlocker, pol: SignInPolicy): Promise<KeyWrap> {
  const base = { v: 1 as const, failed: 0, lastFailedAt: null, policy: pol };
  if (unlocker.kind === 'user') throw new ApiError('forbidden', '新设备须先设置口令', 'A new device needs a passphrase first');
  if (unlocker.kind === 'os') {
    const blob = await unlocker.wrap(key);
    return { ...base, kind: 'os', kdf: null, iv: '', tag: '', wrapped: blob.toString('base64') };
  }
  const salt = randomBytes(16);
  const kek = await scrypt(unlocker.passphrase, salt, SCRYPT);
  return { ...base, kind: 'passphrase', kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') }, ...seal(kek, key) };
}

/** The store key, or the bilingual "wrong passphrase" error (the GCM tag is the check). */
export async function unwrapKey(w: KeyWrap, unlocker: Unlocker): Promise<Buffer> {
  if (w.kind === 'os' && unlocker.kind === 'os') return unlocker.unwrap(Buffer.from(w.wrapped, 'base64'));
  if (unlocker.kind === 'user') {
    const u = w.users?.find((x) => x.id === unlocker.userId);
    // An unknown user is answered like a wrong secret (and counted), so names cannot be probed for free.
    if (!u) throw wrongPassphrase();
    const sealed = await openKeychainLayer(u, unlocker.keychain);
    return openWrapped(await scrypt(unlocker.secret, Buffer.from(u.kdf.salt, 'base64'), u.kdf), sealed);
  }
  if (w.kind !== 'passphrase' || unlocker.kind !== 'passphrase' || !w.kdf)
    throw new ApiError('forbidden', '本机数据的解锁方式与此不符', 'This store is unlocked another way');
  return openWrapped(await scrypt(unlocker.passphrase, Buffer.from(w.kdf.salt, 'base64'), w.kdf), w);
}

const IV = 12;
const TAG = 16;
const keychainMissing = () =>
  new ApiError('forbidden', '此用户的密钥由本机的系统钥匙串保护，而钥匙串现在无法使用：请在原来的电脑和系统账户下登录', "This user's key is protected by this computer's keychain, which cannot be used now: sign in on the original computer and OS account");

/**
 * A user's copy of the store key under their PIN or passphrase (scrypt → AES-256-GCM), sealed once
 * more by the OS keychain when there is one: a copied disk then holds nothing a PIN guess can be
 * checked against, because the ciphertext and its tag are inside the keychain's blob.
 */
export async function sealUserCopy(secret: string, key: Buffer, keychain?: Keychain): Promise<Pick<UserWrap, 'kdf' | 'iv' | 'tag' | 'wrapped' | 'keychain'>> {
  const salt = randomBytes(16);
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: salt.toString('base64') };
  const s = seal(await scrypt(secret, salt, SCRYPT), key);
  if (!keychain) return { kdf, ...s };
  const inner = Buffer.concat([Buffer.from(s.iv, 'base64'), Buffer.from(s.tag, 'base64'), Buffer.from(s.wrapped, 'base64')]);
  return { kdf, iv: '', tag: '', wrapped: (await keychain.seal(inner)).toString('base64'), keychain: true };
}

async function openKeychainLayer(u: UserWrap, keychain?: Keychain): Promise<{ iv: string; tag: string; wrapped: string }> {
  if (!u.keychain) return u;
  if (!keychain) throw keychainMissing();
  let inner: Buffer;
  try {
    inner = await keychain.open(Buffer.from(u.wrapped, 'base64'));
  } catch {
    throw keychainMissing();
  }
  if (inner.length <= IV + TAG) throw keychainMissing();
  const part = (a: number, b?: number) => inner.subarray(a, b).toString('base64');
  return { iv: part(0, IV), tag: part(IV, IV + TAG), wrapped: part(IV + TAG) };
}

function openWrapped(kek: Buffer, s: { iv: string; tag: string; wrapped: string }): Buffer {
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(s.iv, 'base64')).setAAD(aad);
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    const key = Buffer.concat([d.update(Buffer.from(s.wrapped, 'base64')), d.final()]);
    if (key.length !== 32) throw new Error('bad key length');
    return key;
  } catch {
    throw wrongPassphrase();
  }
}

export function readWrap(dir: string): KeyWrap | null {
  const file = join(dir, KEYWRAP_FILE);
  if (!existsSync(file)) return null;
  const parsed = wrapSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ApiError('internal', '本机数据的密钥文件已损坏，无法解锁', 'The store key file is damaged; cannot unlock');
  return parsed.data;
}

/** Durable and atomic: a crash leaves either the old file or the new one, never half of one. */
export function writeFileDurably(file: string, data: Buffer | string): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDir(file.slice(0, file.lastIndexOf('/')) || '.');
}

export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeWrap(dir: string, w: KeyWrap): void {
  writeFileDurably(join(dir, KEYWRAP_FILE), JSON.stringify(w, null, 1));
}
