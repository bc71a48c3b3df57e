// Console passwords: scrypt (memory-hard: N=2^15, r=8 → 32 MiB per guess) with a per-user random
// salt, the parameters stored beside the hash so they can be raised later, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { ...o, maxmem: 256 * o.N * o.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LEN, opts, (e, k) => (e ? reject(e) : resolve(k))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A hash of a random password: an unknown user costs the same time as a known one. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

/** Why a new password is refused (null: accepted): long enough and not one character repeated. */
export function passwordProblem(password: string, userName: string): { zh: string; en: string } | null {
  if (password.length < 12) return { zh: '密码至少 12 个字符', en: 'The password needs at least 12 characters' };
  if (new Set(password).size < 5) return { zh: '密码过于简单（至少 5 种不同字符）', en: 'The password is too simple (at least 5 different characters)' };
  if (password.toLowerCase().includes(userName.toLowerCase())) return { zh: '密码不能包含用户名', en: 'The password must not contain the user name' };
  return null;
}
