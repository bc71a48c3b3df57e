// The relay file: a short header in clear, then the payload compressed and encrypted.
//
//   "RCSYNC" | layout 1 (1 byte) | header length (2 bytes, big-endian) | header (ASCII JSON) | ciphertext | GCM tag (16)
//
// The key is HKDF-SHA256 over the X25519 secret of the device's and HQ's static keys, with the
// header's random salt and an info naming the direction and the device; AES-256-GCM authenticates
// the header as additional data. Only that device and HQ can make or read a file for that device,
// a bundle cannot pass for an answer, and no header field can be changed unseen. The primitives
// come from Node's crypto through RelayCrypto (db/ and hq/ each pass them in), so this file, which
// both sides share, stays free of Node.
import { z } from 'zod';
import { UUID_RE } from '../core/ids.js';
import { RELAY_LIMITS, type RelayRefusal } from './relay.js';

export type RelayKind = 'bundle' | 'answer';

export interface RelayCrypto {
  random(bytes: number): Uint8Array;
  /** X25519(ourPrivate, theirPublic) → HKDF-SHA256(salt, info) → 32 bytes. Keys as stored by each side. */
  deriveKey(ourPrivate: string, theirPublic: string, salt: Uint8Array, info: string): Uint8Array;
  /** AES-256-GCM: ciphertext followed by the 16-byte tag. */
  encrypt(key: Uint8Array, iv: Uint8Array, plain: Uint8Array, aad: Uint8Array): Uint8Array;
  /** null when the tag does not verify. */
  decrypt(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null;
  compress(text: string): Uint8Array;
  /** null when the data is not compressed text or would inflate beyond `maxBytes`. */
  decompress(data: Uint8Array, maxBytes: number): string | null;
}

const MAGIC = [0x52, 0x43, 0x53, 0x59, 0x4e, 0x43]; // RCSYNC
const LAYOUT = 1;
const PREFIX = MAGIC.length + 3;
const TAG_BYTES = 16;
const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n * 2}}$`));

/** In clear (no personal data): which file, for which device, when, and the salt and nonce. */
export const relayHeader = z.strictObject({
  f: z.literal(1),
  k: z.enum(['bundle', 'answer']),
  id: z.string().regex(UUID_RE),
  d: z.string().regex(UUID_RE),
  t: z.number().int().min(0),
  s: hex(32),
  n: hex(12),
});
export type RelayHeader = z.infer<typeof relayHeader>;

export class RelayFileError extends Error {
  constructor(readonly refusal: RelayRefusal) {
    super(refusal);
  }
}

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (x) => parseInt(x, 16));

/** Domain separation: a key for a bundle of one device never opens an answer, or another device's file. */
const info = (kind: RelayKind, deviceId: string) => `red-channel relay v1 ${kind} ${deviceId}`;

export interface SealInput {
  kind: RelayKind;
  id: string;
  deviceId: string;
  at: number;
  ourPrivate: string;
  theirPublic: string;
  payload: unknown;
}

export function sealRelayFile(c: RelayCrypto, s: SealInput): Uint8Array {
  const salt = c.random(32);
  const iv = c.random(12);
  const header: RelayHeader = { f: 1, k: s.kind, id: s.id, d: s.deviceId, t: Math.round(s.at), s: toHex(salt), n: toHex(iv) };
  const text = JSON.stringify(relayHeader.parse(header)); // ids and hex only: ASCII
  const prefix = new Uint8Array(PREFIX + text.length);
  prefix.set(MAGIC, 0);
  prefix[MAGIC.length] = LAYOUT;
  prefix[MAGIC.length + 1] = text.length >> 8;
  prefix[MAGIC.length + 2] = text.length & 0xff;
  for (let i = 0; i < text.length; i++) prefix[PREFIX + i] = text.charCodeAt(i);
  const key = c.deriveKey(s.ourPrivate, s.theirPublic, salt, info(s.kind, s.deviceId));
  const sealed = c.encrypt(key, iv, c.compress(JSON.stringify(s.payload)), prefix);
  const out = new Uint8Array(prefix.length + sealed.length);
  out.set(prefix, 0);
  out.set(sealed, prefix.length);
  return out;
}

/** The clear header, checked for shape only (it is authenticated when the file is opened). */
export function readRelayHeader(file: Uint8Array): { header: RelayHeader; prefixBytes: number } {
  if (file.length > RELAY_LIMITS.fileBytes) throw new RelayFileError('too_large');
  if (file.length < PREFIX || MAGIC.some((b, i) => file[i] !== b)) throw new RelayFileError('not_relay');
  if (file[MAGIC.length] !== LAYOUT) throw new RelayFileError(file[MAGIC.length]! > LAYOUT ? 'newer_format' : 'not_relay');
  const len = (file[MAGIC.length + 1]! << 8) | file[MAGIC.length + 2]!;
  if (file.length < PREFIX + len + TAG_BYTES) throw new RelayFileError('tampered');
  let text = '';
  for (let i = PREFIX; i < PREFIX + len; i++) {
    if (file[i]! > 0x7f) throw new RelayFileError('tampered');
    text += String.fromCharCode(file[i]!);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RelayFileError('tampered');
  }
  const f = (json as { f?: unknown } | null)?.f;
  if (typeof f === 'number' && f > 1) throw new RelayFileError('newer_format');
  const h = relayHeader.safeParse(json);
  if (!h.success) throw new RelayFileError('tampered');
  return { header: h.data, prefixBytes: PREFIX + len };
}

/** Decrypts and verifies a file whose header was read; the payload as parsed JSON. */
export function openRelayFile(c: RelayCrypto, file: Uint8Array, ourPrivate: string, theirPublic: string): { header: RelayHeader; payload: unknown } {
  const { header, prefixBytes } = readRelayHeader(file);
  const key = c.deriveKey(ourPrivate, theirPublic, fromHex(header.s), info(header.k, header.d));
  const plain = c.decrypt(key, fromHex(header.n), file.subarray(prefixBytes), file.subarray(0, prefixBytes));
  if (!plain) throw new RelayFileError('tampered');
  // Authentic by now: a payload that will not inflate within bounds is too large, not forged.
  const text = c.decompress(plain, RELAY_LIMITS.plainBytes);
  if (text === null) throw new RelayFileError('too_large');
  try {
    return { header, payload: JSON.parse(text) };
  } catch {
    throw new RelayFileError('tampered');
  }
}
