// The encrypted device store on real files: nothing personal readable on disk, no way in without the
// key, re-keying, wrong passphrases counted until the data is destroyed, attachments sealed.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile, STORE_FILE, type Profile } from '../../db/profile.js';
import { openStore } from '../../db/open.js';
import { getMeta, setMeta } from '../../db/system/meta.js';
import { KEYWRAP_FILE, readWrap, unwrapKey, wrapKey, writeWrap } from '../../db/vault/keywrap.js';
import { isPlainStore, rekeyStore } from '../../db/vault/migrate.js';
import { destroyProfileData } from '../../db/vault/destroy.js';
import { readBlob } from '../../db/orglife/files.js';
import { writeSetting } from '../../db/system/settings.js';
import { SIGNIN_DEFAULTS, SIGNIN_SETTING_KEY } from '../../shared/security/settings.js';
import { randomBytes } from 'node:crypto';
import { buildBranch, buildMember, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { findPlain } from './scan.js';

const PASS = { kind: 'passphrase', passphrase: '红色渠道-测试口令' } as const;
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-vault-'));
  dirs.push(d);
  return join(d, 'profile');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e0d53a0000000049454e44ae426082', 'hex');

/** The photo's header chunk as plain bytes: 12 of them, since 'IHDR' alone turns up by chance in a few MB of ciphertext. */
const PNG_HEAD = '\u0000\u0000\u0000\rIHDR\u0000\u0000\u0000\u0001';

/** One member with a known id, phone and name, a photo, and the device's secrets. */
async function seed(p: Profile) {
  const ctx = p.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id);
  const branch = await buildBranch(ctx, county.id);
  const citizenId = validId('1979-03-08', false, 417);
  const phone = '13987654321';
  const name = '司马晓燕';
  await buildMember(ctx, outlet.id, branch.id, { name, citizenId, phone });
  const photo = await call(ctx, 'attachments.put', { fileName: '合影.png', kind: 'photo', dataBase64: PNG.toString('base64') });
  await setMeta(p.store.db, 'sync_secret', 'secret-of-the-device-0123456789');
  return { citizenId, phone, name, photo, secret: 'secret-of-the-device-0123456789' };
}

describe('the device store encrypted at rest', () => {
  it('leaves no id, phone, name, photo or secret readable on disk, and reads them all back once unlocked', async () => {
    const dir = temp();
    let p = await openProfile(dir, { unlock: PASS });
    const known = await seed(p);
    const hits = () => findPlain([dir], [known.citizenId, known.phone, known.name, known.secret, PNG_HEAD]);
    expect(hits()).toEqual([]); // while open: the WAL and the files too
    await p.store.close();
    expect(hits()).toEqual([]);
    expect(isPlainStore(join(dir, STORE_FILE))).toBe(false);
    const wrap = readFileSync(join(dir, KEYWRAP_FILE), 'utf8');
    expect(wrap).not.toMatch(/[0-9a-f]{64}/); // no raw key in hex
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
      expect(statSync(join(f.parentPath, f.name)).mode & 0o077, `${f.name} is private`).toBe(0);

    p = await openProfile(dir, { unlock: PASS });
    const people = await call(p.context(), 'people.list', { q: known.name });
    expect(JSON.stringify(people)).toContain(known.name);
    expect(readBlob(join(dir, 'files'), known.photo.sha256).equals(PNG)).toBe(true);
    expect(await getMeta(p.store.db, 'sync_secret')).toBe(known.secret);
    await p.store.close();
  });

  it('cannot be opened without the key, nor with a wrong passphrase: a Chinese and English message', async () => {
    const dir = temp();
    const p = await openProfile(dir, { unlock: PASS });
    await p.store.close();
    const noKey = await openProfile(dir).then(() => null, (e: unknown) => e);
    expect(noKey).toMatchObject({ messageZh: expect.stringContaining('无法打开本机数据'), messageEn: expect.stringContaining('Cannot open the local store') });
    const wrong = await openProfile(dir, { unlock: { kind: 'passphrase', passphrase: '不是这个口令啊' } }).then(() => null, (e: unknown) => e);
    expect(wrong).toMatchObject({ messageZh: expect.stringContaining('口令不正确'), messageEn: expect.stringContaining('Wrong passphrase') });
    const raw = await openStore(join(dir, STORE_FILE), { key: randomBytes(32) }).then(() => null, (e: unknown) => e);
    expect(raw).toMatchObject({ code: 'forbidden', messageZh: expect.stringContaining('密钥或口令不正确') });
  });

  it('is re-keyed: the old key no longer opens it, the new one does, every row kept', async () => {
    const dir = temp();
    const p = await openProfile(dir, { unlock: PASS });
    const known = await seed(p);
    const oldKey = await unwrapKey(readWrap(dir)!, PASS);
    const newKey = randomBytes(32);
    rekeyStore(p.store.raw, newKey);
    writeWrap(dir, await wrapKey(newKey, PASS, readWrap(dir)!.policy));
    expect(p.store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    await p.store.close();
    await expect(openStore(join(dir, STORE_FILE), { key: oldKey })).rejects.toMatchObject({ code: 'forbidden' });
    const again = await openProfile(dir, { unlock: PASS });
    expect(JSON.stringify(await call(again.context(), 'people.list', { q: known.name }))).toContain(known.phone.slice(-4));
    await again.store.close();
  });

  it('migrates a plain profile from before encryption in place, files included', async () => {
    const dir = temp();
    const plain = await openProfile(dir);
    const known = await seed(plain);
    await plain.store.close();
    expect(findPlain([dir], [known.name]).length).toBeGreaterThan(0);
    const p = await openProfile(dir, { unlock: PASS });
    expect(JSON.stringify(await call(p.context(), 'people.list', { q: known.name }))).toContain(known.name);
    expect(readBlob(join(dir, 'files'), known.photo.sha256).equals(PNG)).toBe(true);
    await p.store.close();
    expect(findPlain([dir], [known.citizenId, known.phone, known.name, known.secret, PNG_HEAD])).toEqual([]);
  });

  it('counts wrong passphrases: waits after the limit, destroys the data after the wipe limit', async () => {
    const dir = temp();
    const p = await openProfile(dir, { unlock: PASS });
    await seed(p);
    await p.store.close();
    writeWrap(dir, { ...readWrap(dir)!, policy: { lockoutAfter: 2, lockoutSeconds: 60, wipeAfter: 4 } });
    const bad = { kind: 'passphrase', passphrase: 'wrong-passphrase' } as const;
    let t = Date.parse('2026-12-03T08:00:00Z');
    const attempt = (u: typeof bad | typeof PASS) => openProfile(dir, { unlock: u, now: () => new Date(t) }).then(() => null, (e: { messageZh: string }) => e.messageZh);
    expect(await attempt(bad)).toContain('再错 3 次');
    expect(await attempt(bad)).toContain('再错 2 次');
    expect(await attempt(PASS)).toContain('秒后再试'); // even the right one waits
    t += 61_000;
    expect(await attempt(bad)).toContain('再错 1 次');
    t += 61_000;
    expect(await attempt(bad)).toContain('已按规定清除');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes the sign-in limits from reference data (settings security.signIn), kept beside the key for the next sign-in', async () => {
    const dir = temp();
    let p = await openProfile(dir, { unlock: PASS });
    expect(readWrap(dir)!.policy).toEqual(SIGNIN_DEFAULTS);
    await writeSetting(p.store.db, SIGNIN_SETTING_KEY, { lockoutAfter: 3, lockoutSeconds: 120, wipeAfter: 6 }, '/', new Date().toISOString());
    await p.store.close();
    p = await openProfile(dir, { unlock: PASS });
    await p.store.close();
    expect(readWrap(dir)!.policy).toEqual({ lockoutAfter: 3, lockoutSeconds: 120, wipeAfter: 6 });
  });

  it('a destroyed profile leaves nothing: no key, no store, no WAL, no attachment', async () => {
    const dir = temp();
    const p = await openProfile(dir, { unlock: PASS });
    await seed(p);
    await p.store.close();
    destroyProfileData(dir, STORE_FILE);
    expect(existsSync(join(dir, KEYWRAP_FILE))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
