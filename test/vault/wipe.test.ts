// A wipe that wipes: revocation (the sync session's wipe) and the user's own "remove this device's
// data" in browser mode destroy the key, the store with its WAL and every attachment; a scan of the
// profile folder then finds no id, phone, name, photo or secret.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../db/backend.js';
import { setMeta } from '../../db/system/meta.js';
import { wipeStore } from '../../db/sync/wipe.js';
import { profileGate } from '../../electron/browser/gate.js';
import { startBrowserServer } from '../../electron/browser/server.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { findPlain } from './scan.js';

const PASS = '撤销后必须清除的口令';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const known = { name: '上官测删', citizenId: makeCitizenId('610115', '1966-02-11', 321, false), phone: '13712340987', secret: 'device-secret-to-destroy-42' };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function seeded(b: Backend): Promise<void> {
  const ok = async <T>(name: string, input: unknown) => {
    const r = await b.call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.data as T;
  };
  const hq = await ok<{ id: string }>('orgUnits.save', { code: 'hq', name: '省公司', level: 'hq' });
  const city = await ok<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  const county = await ok<{ id: string }>('orgUnits.save', { code: 'lt', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outlet = await ok<{ id: string }>('outlets.save', { code: 'LT9', name: '测试营业厅', channelType: 'own_store', countyId: county.id });
  await ok('people.save', { name: known.name, citizenId: known.citizenId, phone: known.phone, politicalStatus: 'masses', outletId: outlet.id });
  await ok('attachments.put', { fileName: '合影.png', kind: 'photo', dataBase64: PNG.toString('base64') });
  await setMeta(b.profile.store.db, 'sync_secret', known.secret);
}

const needles = [known.name, known.citizenId, known.phone, known.secret];

it('revocation: the wipe empties the store, then the key, the store files and the attachments are destroyed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-wipe-'));
  dirs.push(dir);
  const b = await startBackend(dir, { unlock: { kind: 'passphrase', passphrase: PASS }, sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  await seeded(b);
  expect(readdirSync(join(dir, 'files')).length).toBeGreaterThan(0);
  const destroyed = new Promise<void>((ok) => b.onDestroyed(ok));
  await wipeStore({ raw: b.profile.store.raw, session: b.profile.session }); // what the sync session does when HQ says "revoked"
  await destroyed;
  expect(readdirSync(dir)).toEqual([]);
  expect(findPlain([dir], needles)).toEqual([]);
});

function post(port: number, path: string, body: unknown, cookie = ''): Promise<{ status: number; cookie: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', cookie } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode!, cookie: String(res.headers['set-cookie'] ?? '').split(';')[0]!, body: text }));
    });
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

it("the user's own 'remove this device's data' asks for the passphrase again, then leaves nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-remove-'));
  dirs.push(dir);
  const profile = join(dir, 'profile');
  const gate = profileGate(profile, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  const srv = await startBrowserServer(gate, { staticDir: dir });
  try {
    const signedIn = await post(srv.port, '/auth/signin', { passphrase: PASS });
    expect(signedIn.status).toBe(200);
    const b = gate.backendFor(signedIn.cookie.split('=')[1]);
    await seeded(b!);
    expect((await post(srv.port, '/auth/remove', { passphrase: PASS })).status).toBe(401); // no session
    const wrong = await post(srv.port, '/auth/remove', { passphrase: '不是口令不是口令' }, signedIn.cookie);
    expect(JSON.parse(wrong.body).error.message).toContain('口令不正确');
    expect(existsSync(join(profile, 'red-channel.db'))).toBe(true);
    expect((await post(srv.port, '/auth/remove', { passphrase: PASS }, signedIn.cookie)).status).toBe(200);
    expect(readdirSync(profile)).toEqual([]);
    expect(findPlain([profile], needles)).toEqual([]);
    expect((await post(srv.port, '/api/session.info', {}, signedIn.cookie)).status).toBe(401); // the session is gone too
  } finally {
    await srv.close();
    await gate.close();
  }
});
