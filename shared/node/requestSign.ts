// Request signing between a device and HQ (Node's crypto, for db/sync/client.ts and hq/auth.ts).
// The device's secret, received once at enrolment, never travels again: it seeds an Ed25519 key
// (HKDF), and every request carries a signature over its method, path, body hash, device, nonce and
// time — for a compressed body, the bytes as they travel and their coding, so HQ checks who sent
// a body before it spends any work inflating it. HQ keeps only the public half, so neither a captured request nor a copy of HQ's database
// lets anyone act as the device; a nonce is good once, so a replay is refused, and any change to
// what was signed breaks the signature.
import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/** `authorization: RC-Ed25519 <signature, base64url>`. */
export const SIGNED_SCHEME = 'RC-Ed25519';
const INFO = 'red-channel request signing v1';
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SignedParts {
  method: string;
  path: string;
  /** The request body exactly as sent (compressed bytes when it was compressed). */
  body: string | Uint8Array;
  /** Content-Encoding of the body; absent or 'identity' for a plain body (signed as before codings existed). */
  encoding?: string;
  deviceId: string;
  nonce: string;
  time: string;
}

export const bodyHash = (body: string | Uint8Array): string =>
  (typeof body === 'string' ? createHash('sha256').update(body, 'utf8') : createHash('sha256').update(body)).digest('hex');

function canonical(p: SignedParts): Buffer {
  const lines = [INFO, p.method.toUpperCase(), p.path, bodyHash(p.body), p.deviceId, p.nonce, p.time];
  // A coding is signed with the body: changing the header alone breaks the signature.
  const enc = p.encoding?.trim().toLowerCase();
  if (enc && enc !== 'identity') lines.push(`content-encoding:${enc}`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/**
 * Key objects made once per secret and per public key: deriving one (HKDF, then DER or JWK import)
 * costs more than the signature itself. Bounded, and dropped whole when full: a device holds one
 * secret, HQ sees as many public keys as it has devices syncing, a test or the load simulator many.
 */
const KEYS_HELD = 4096;
const keys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function publicKeyOf(x: string): KeyObject {
  let k = publicKeys.get(x);
  if (!k) {
    k = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    if (publicKeys.size >= KEYS_HELD) publicKeys.clear();
    publicKeys.set(x, k);
  }
  return k;
}

function privateKeyOf(secret: string): KeyObject {
  let k = keys.get(secret);
  if (!k) {
    const seed = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), INFO, 32));
    k = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
    if (keys.size >= KEYS_HELD) keys.clear();
    keys.set(secret, k);
  }
  return k;
}

/** The public key (32 bytes, base64url) HQ keeps for the device whose secret this is. */
export function signingPublicKey(secret: string): string {
  const jwk = createPublicKey(privateKeyOf(secret)).export({ format: 'jwk' });
  return String(jwk.x);
}

export function signRequest(secret: string, p: SignedParts): string {
  return sign(null, canonical(p), privateKeyOf(secret)).toString('base64url');
}

export function verifyRequest(publicKey: string, p: SignedParts, signature: string): boolean {
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature) || !/^[A-Za-z0-9_-]{43}$/.test(publicKey)) return false;
  try {
    return verify(null, canonical(p), publicKeyOf(publicKey), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
