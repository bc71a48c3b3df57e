// What the devices of an upgraded HQ notice, over real HTTP: the device that synced before
// registers its signing key with its secret once, then signs, is where it was (sequence, relay keys), pulls every row and conflict
// record, fetches its stored file and resumes its half-sent one; a re-sent write gets the answer it
// got before; a write to a row purged before the upgrade is still refused; a code made before works.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { startHq } from '../../hq/server.js';
import type { HqStore } from '../../hq/store.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import { HEADERS, PURGED_CODE, type PullAnswer, type PushAnswer } from '../../shared/sync/protocol.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { SIGNED_SCHEME, signRequest } from '../../shared/node/requestSign.js';
import type { LegacyFacts } from './legacyRows.js';

export async function servesLegacy(store: HqStore, f: LegacyFacts): Promise<void> {
  const srv = await startHq({ store });
  /** auth: 'signed' as devices call now, 'bearer' as the device enrolled before signing did (once, to register its key), or none. */
  const call = async <T>(path: string, body: unknown, auth: 'signed' | 'bearer' | false = 'signed'): Promise<{ status: number; json: T }> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const text = JSON.stringify(body);
    if (auth) {
      const nonce = randomBytes(16).toString('base64url');
      const time = String(Date.now());
      const authorization = auth === 'bearer' ? `Bearer ${f.device.secret}` : `${SIGNED_SCHEME} ${signRequest(f.device.secret, { method: 'POST', path, body: text, deviceId: f.device.id, nonce, time })}`;
      Object.assign(headers, { authorization, [HEADERS.device]: f.device.id, [HEADERS.nonce]: nonce, [HEADERS.time]: time });
    }
    const r = await fetch(`${srv.url}${path}`, { method: 'POST', headers, body: text });
    return { status: r.status, json: (await r.json()) as T };
  };
  try {
    const helloBody = { protocol: 1, appVersion: '0.1.0', schemaVersion: 'x', cursor: f.head, relayKey: f.device.publicKey };
    // HQ knows no signing key for a device enrolled before signing: it says so, and takes the old credential once.
    expect((await call<{ error: string }>('/v1/hello', helloBody)).json.error).toBe('sign_key_unknown');
    const hello = await call<{ lastSeq: number; head: number; userName: string; hqRelayKey: string }>('/v1/hello', helloBody, 'bearer');
    expect(hello.status, JSON.stringify(hello.json)).toBe(200);
    expect(hello.json).toMatchObject({ lastSeq: 2, head: f.head, userName: f.device.userName, hqRelayKey: f.hqPublicKey });
    expect((await call<{ error: string }>('/v1/hello', helloBody, 'bearer')).json.error).toBe('signature_required');

    const pulled = await call<PullAnswer>('/v1/pull', { cursor: 0, since: 0 });
    expect(pulled.status).toBe(200);
    expect(pulled.json.cursor).toBe(f.head);
    const byId = new Map(pulled.json.rows.map((r) => [r.id, r]));
    expect(byId.get(f.outlet.id)?.c.name).toBe(f.outlet.name);
    expect(byId.has(f.attachmentId)).toBe(true);
    expect(pulled.json.rows.some((r) => r.t === 'settings' && r.c.key === 'warnings.attendance.green')).toBe(true);
    expect(pulled.json.rows.some((r) => r.c.deleted === 1)).toBe(true); // the tombstone, still to be learnt
    expect(pulled.json.conflicts).toMatchObject([{ id: f.conflictId, r: f.outlet.id, loser: { value: '红星网点（旧名）', user: '指导员乙' } }]);

    const refs = [{ a: f.attachmentId, h: f.file.sha256 }, { a: f.attachmentId, h: f.partial.sha256 }];
    const check = await call<{ have: string[]; missing: { a: string; h: string; o: number }[] }>('/v1/blobs/check', { items: refs });
    expect(check.json).toMatchObject({ have: [f.file.sha256], missing: [{ a: f.attachmentId, h: f.partial.sha256, o: f.partial.have }] });
    const got = await call<{ size: number; data: string }>('/v1/blobs/get', { a: f.attachmentId, h: f.file.sha256, offset: 0 });
    expect(Buffer.from(got.json.data, 'base64')).toEqual(f.file.bytes);

    const late = { s: 3, t: 'outlets', r: f.purgedId, h: encodeHlc({ ms: Date.now(), counter: 0, node: f.device.id }), p: f.write2.p, c: { name: '被清理的网点' } };
    const pushed = await call<PushAnswer>('/v1/push', { writes: [f.write2, late] });
    expect(pushed.status, JSON.stringify(pushed.json)).toBe(200);
    expect(pushed.json.answers[0]).toMatchObject({ s: 2, res: { name: 'a' } });
    expect(pushed.json.answers[1]).toMatchObject({ s: 3, res: { name: 'r' }, reason: { code: PURGED_CODE } });

    const enrolled = await call<{ userName: string; role: string }>('/v1/enrol', { code: f.unusedCode, deviceId: uuidv7(), appVersion: '0.1.0', schemaVersion: 'x' }, false);
    expect(enrolled.status).toBe(200);
    expect(enrolled.json).toMatchObject({ userName: '新指导员', role: 'instructor' });
  } finally {
    await srv.close();
  }
}
