// Attachment files are sealed with AES-256-GCM under a random key kept inside the encrypted store
// (meta `vault_files_key`), so they are exactly as readable as the store and a re-key of the store
// leaves them as they are. Their names stay the sha-256 of the plain bytes: dedup,
// sync and HQ's checks keep working, and the name reveals nothing without the bytes.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

const MAGIC = Buffer.from('RCF1');
const IV = 12;
const TAG = 16;
export const SEALED_OVERHEAD = MAGIC.length + IV + TAG;

/** Keys by files folder: the open profiles of this process (tests open several side by side). */
const keys = new Map<string, Buffer>();

export function registerFileKey(filesDir: string, key: Buffer | null): void {
  if (key) keys.set(resolve(filesDir), key);
  else keys.delete(resolve(filesDir));
}

export const fileKeyFor = (filesDir: string): Buffer | undefined => keys.get(resolve(filesDir));

export const isSealed = (bytes: Uint8Array) => bytes.length >= SEALED_OVERHEAD && MAGIC.equals(Buffer.from(bytes.subarray(0, MAGIC.length)));

export function seal(key: Buffer, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([MAGIC, iv, body, c.getAuthTag()]);
}

export function open(key: Buffer, sealed: Buffer): Buffer {
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV);
  const tag = sealed.subarray(sealed.length - TAG);
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(sealed.subarray(MAGIC.length + IV, sealed.length - TAG)), d.final()]);
}
