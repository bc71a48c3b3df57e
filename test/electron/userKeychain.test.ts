// Device users' PIN copies of the store key on a computer with a real OS keychain (safeStorage mocked):
// each copy is sealed by the keychain too, so a copied profile folder plus the right PIN opens nothing
// without that computer's keychain; copies made before get sealed at their user's next sign-in; on
// Linux's basic_text backend the keychain is refused and copies stay under the PIN alone (as in
// browser mode, where scrypt's cost is the protection).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { profileGate, type Gate, type GateOptions } from '../../electron/browser/gate.js';
import { readWrap, unwrapKey } from '../../db/vault/keywrap.js';
import { osUnlocker, type SafeStorageLike } from '../../electron/vault.js';

const SYNC = { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } };
const PIN = '270391';
const dirs: string[] = [];
const gates: Gate[] = [];
afterEach(async () => {
  for (const g of gates.splice(0)) await g.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-el-userkc-'));
  dirs.push(d);
  return join(d, 'profile');
};
const gateOf = (dir: string, opts: GateOptions = {}) => {
  const g = profileGate(dir, { ...SYNC, ...opts });
  gates.push(g);
  return g;
};

/** A keychain that only this "computer" can open (a per-instance secret), counting its seals. */
function computer(backend: string) {
  const secret = randomBytes(16).toString('hex');
  let seals = 0;
  const safe: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => {
      seals++;
      return Buffer.from(`${secret}|${s}`);
    },
    decryptString: (b) => {
      const [who, s] = b.toString().split('|');
      if (who !== secret) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString');
      return s!;
    },
  };
  return { safe, seals: () => seals };
}

async function keychainDeviceWithUser(dir: string, gateOpts: (os: ReturnType<typeof osUnlocker> & { ok: true }) => GateOptions) {
  const pc = computer('gnome_libsecret');
  const os = osUnlocker(pc.safe, 'linux');
  if (!os.ok) throw new Error(os.reason);
  const gate = gateOf(dir, gateOpts(os));
  const kc = await gate.signInWith(os.unlock);
  const user = await gate.addUser(kc, '', { name: '白营业员', role: 'staff', secretKind: 'pin', secret: PIN });
  await gate.signOut(kc);
  return { pc, os, gate, user };
}

it('seals a new user copy by the keychain: the disk and the right PIN alone open nothing', async () => {
  const dir = tmp();
  const { os, gate, user, pc } = await keychainDeviceWithUser(dir, (o) => ({ keychain: o.keychain }));
  expect(pc.seals()).toBeGreaterThan(1); // the store key, then the user's copy
  const copy = readWrap(dir)!.users![0]!;
  expect(copy).toMatchObject({ keychain: true, iv: '', tag: '' });
  // What a thief with the disk image has: the wrap file and, by guessing or watching, the PIN.
  await expect(unwrapKey(readWrap(dir)!, { kind: 'user', userId: user.id, secret: PIN })).rejects.toThrow(/keychain/);
  // On this computer the PIN signs in, and opens the very key the keychain holds.
  const s = await gate.signIn(PIN, { userId: user.id });
  expect(gate.userFor(s)).toMatchObject({ name: '白营业员' });
  const viaPin = await unwrapKey(readWrap(dir)!, { kind: 'user', userId: user.id, secret: PIN, keychain: os.keychain });
  expect(viaPin.equals(await unwrapKey(readWrap(dir)!, os.unlock))).toBe(true);
  // A wrong PIN is still a counted wrong try; another computer's keychain is refused, not counted.
  await expect(gate.signIn('000000', { userId: user.id })).rejects.toThrow(/Wrong passphrase/);
  expect(readWrap(dir)!.failed).toBe(1);
  const other = osUnlocker(computer('kwallet5').safe, 'linux');
  if (!other.ok) throw new Error(other.reason);
  await expect(unwrapKey(readWrap(dir)!, { kind: 'user', userId: user.id, secret: PIN, keychain: other.keychain })).rejects.toThrow(/keychain/);
});

it('seals a copy made without the keychain at its user\'s next sign-in', async () => {
  const dir = tmp();
  // An earlier version: the user was added while no keychain sealed copies.
  const { os, gate, user } = await keychainDeviceWithUser(dir, () => ({}));
  expect(readWrap(dir)!.users![0]!.keychain).toBeUndefined();
  const bare = await unwrapKey(readWrap(dir)!, { kind: 'user', userId: user.id, secret: PIN });
  expect(bare).toHaveLength(32); // the PIN alone opens it: what a copied disk could be attacked with
  await gate.close();
  const now = gateOf(dir, { keychain: os.keychain });
  const s = await now.signIn(PIN, { userId: user.id });
  expect(now.userFor(s)).toMatchObject({ name: '白营业员' });
  expect(readWrap(dir)!.users![0]).toMatchObject({ keychain: true, iv: '', tag: '' });
  await expect(unwrapKey(readWrap(dir)!, { kind: 'user', userId: user.id, secret: PIN })).rejects.toThrow(/keychain/);
  await now.signOut(s);
  const again = await now.signIn(PIN, { userId: user.id });
  expect(now.userFor(again)).toMatchObject({ name: '白营业员' });
});

it('refuses the basic_text backend: no keychain seals anything, copies stay under the PIN alone', async () => {
  const pc = computer('basic_text');
  const os = osUnlocker(pc.safe, 'linux');
  expect(os).toMatchObject({ ok: false, reason: expect.stringContaining('basic_text') });
  // What electron/main.ts does then: a passphrase profile, and a gate without a keychain.
  const dir = tmp();
  const gate = gateOf(dir, os.ok ? { keychain: os.keychain } : {});
  const owner = await gate.signIn('基础文本后端下的口令', { ownerName: '县组织员' });
  const u = await gate.addUser(owner, '基础文本后端下的口令', { name: '白营业员', role: 'staff', secretKind: 'pin', secret: PIN });
  expect(pc.seals()).toBe(0);
  expect(readWrap(dir)!.users![0]!.keychain).toBeUndefined();
  const s = await gate.signIn(PIN, { userId: u.id });
  expect(gate.userFor(s)).toMatchObject({ name: '白营业员' });
  expect(readWrap(dir)!.users![0]!.keychain).toBeUndefined();
});
