// Node's crypto behind shared/sync/relayBox.ts, for both ends of relay by file: the device (db/sync/relay/)
// and HQ (hq/relay/). Here rather than in either, since db/ and hq/ may not import each other; the
// rest of shared/ stays free of Node so that the renderer can use it (lint rules in eslint.config.js).
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RelayCrypto } from '../sync/relayBox.js';

const TAG = 16;

export const nodeRelayCrypto: RelayCrypto = {
  random: (n) => randomBytes(n),
  deriveKey(ourPrivate, theirPublic, salt, info) {
    const privateKey = createPrivateKey({ key: Buffer.from(ourPrivate, 'base64'), format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: theirPublic }, format: 'jwk' });
    return new Uint8Array(hkdfSync('sha256', diffieHellman({ privateKey, publicKey }), salt, info, 32));
  },
  encrypt(key, iv, plain, aad) {
    const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG });
    c.setAAD(aad);
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  },
  decrypt(key, iv, sealed, aad) {
    if (sealed.length < TAG) return null;
    const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG });
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - TAG));
    try {
      return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
    } catch {
      return null;
    }
  },
  compress: (text) => gzipSync(text),
  decompress(data, maxBytes) {
    try {
      return gunzipSync(data, { maxOutputLength: maxBytes }).toString('utf8');
    } catch {
      return null;
    }
  },
};

/** A new X25519 pair: the private key as PKCS#8 DER in base64, the public key as its 32 raw bytes in base64url. */
export function newRelayKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), publicKey: publicKey.export({ format: 'jwk' }).x! };
}
