// Electron's sign-in and lock, the electron module replaced by a stand-in ipcMain: a sign-in checks
// the passphrase even while the store is open, a lock (OS sleep / screen lock) closes the store so
// its key leaves memory, and a keychain device gets a lock worth having once users with PINs exist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startBackend } from '../../db/backend.js';
import { fileKeyFor } from '../../db/vault/fileCipher.js';
import { registerAuth } from '../../electron/auth.js';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { registerApi } from '../../electron/ipc.js';
import { osUnlocker } from '../../electron/vault.js';

const NO_SYNC = { intervalMs: 3_600_000, tickMs: 3_600_000 };
const PASS = '乡镇网点笔记本口令';
const dirs: string[] = [];
const gates: Gate[] = [];
afterEach(async () => {
  for (const g of gates.splice(0)) await g.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function shell(gate: Gate, keychain?: Parameters<typeof registerAuth>[3]) {
  const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => handlers.set(ch, fn) };
  const trusted = () => true;
  const lazy = registerAuth(ipcMain as never, gate, trusted as never, keychain);
  registerApi(ipcMain as never, lazy, trusted as never);
  const me = {};
  return {
    lazy,
    api: (name: string, input: unknown) => handlers.get('rc:api')!(me, name, input) as Promise<{ ok: boolean; data?: unknown; error?: { message: string; messageEn: string } }>,
    auth: (what: string, body?: unknown) => handlers.get('rc:auth')!(me, what, body) as Promise<{ ok: boolean; data?: unknown; error?: { message: string; messageEn: string } }>,
  };
}

function tmp(prefix: string) {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return join(d, 'profile');
}

it('checks the passphrase on every sign-in, also while the store is open', async () => {
  const gate = profileGate(tmp('rc-el-signin-'), { sync: NO_SYNC });
  gates.push(gate);
  const { auth, api } = shell(gate);
  expect(await auth('signin', { passphrase: PASS })).toMatchObject({ ok: true });
  await api('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  // The store is open; a wrong passphrase is still refused and counted.
  const wrong = await auth('signin', { passphrase: '别人猜的口令口令' });
  expect(wrong).toMatchObject({ ok: false, error: { message: expect.stringContaining('口令不正确'), messageEn: expect.stringContaining('Wrong passphrase') } });
  expect(wrong.error!.message).toContain('再错 9 次');
  expect(await auth('signin', { passphrase: PASS })).toMatchObject({ ok: true });
});

it('a lock closes the store (key out of memory) and the window signs in again to reach its data', async () => {
  const dir = tmp('rc-el-lock-');
  const gate = profileGate(dir, { sync: NO_SYNC });
  gates.push(gate);
  const { auth, api, lazy } = shell(gate);
  await auth('signin', { passphrase: PASS });
  await api('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  expect(fileKeyFor(join(dir, 'files'))).toBeDefined();
  await lazy.lock();
  expect(lazy.current()).toBeUndefined();
  expect(fileKeyFor(join(dir, 'files'))).toBeUndefined();
  expect(await api('orgUnits.list', {})).toMatchObject({ ok: false, error: { message: '请先登录' } });
  expect(await auth('status')).toMatchObject({ ok: true, data: { hasKey: true, signedIn: false, required: true } });
  expect(await auth('signin', { passphrase: '不对的口令不对的口令' })).toMatchObject({ ok: false });
  expect(await auth('signin', { passphrase: PASS })).toMatchObject({ ok: true });
  expect(await api('orgUnits.list', {})).toMatchObject({ ok: true, data: [{ name: '陕西省公司' }] });
});

it('keychain device: no sign-in and nothing to lock until a user with a PIN exists; then the PIN is the way in', async () => {
  const dir = tmp('rc-el-kc-');
  const kc = osUnlocker({
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s) => Buffer.from(`kc:${s}`),
    decryptString: (b) => b.toString().slice(3),
  }, 'linux');
  if (!kc.ok) throw new Error(kc.reason);
  // As electron/main.ts does: the keychain opens the store at start while the device has no users.
  const opened = await startBackend(dir, { unlock: kc.unlock, sync: NO_SYNC });
  const gate = profileGate(dir, { sync: NO_SYNC, backend: opened, closeGiven: true });
  gates.push(gate);
  const { auth, api, lazy } = shell(gate, kc.unlock);
  expect(await auth('status')).toMatchObject({ ok: true, data: { required: false, signedIn: true, user: null } });
  await api('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  await lazy.lock();
  expect(await api('orgUnits.list', {})).toMatchObject({ ok: true }); // nothing to lock to yet
  const added = await auth('users.add', { user: { name: '张店长', role: 'staff', secretKind: 'pin', secret: '428617' } });
  expect(added).toMatchObject({ ok: true, data: { name: '张店长', role: 'owner', secretKind: 'pin' } });
  await lazy.lock();
  expect(lazy.current()).toBeUndefined();
  expect(await auth('status')).toMatchObject({ ok: true, data: { required: true, signedIn: false, users: [{ name: '张店长' }] } });
  expect(await api('orgUnits.list', {})).toMatchObject({ ok: false });
  const userId = (added.data as { id: string }).id;
  expect(await auth('signin', { userId, passphrase: '111111' })).toMatchObject({ ok: false, error: { messageEn: expect.stringContaining('Wrong passphrase') } });
  expect(await auth('signin', { userId, passphrase: '428617' })).toMatchObject({ ok: true, data: { name: '张店长' } });
  expect(await api('session.info', {})).toMatchObject({ ok: true, data: { signedInUser: { name: '张店长', role: 'owner' } } });
  expect(await api('orgUnits.list', {})).toMatchObject({ ok: true, data: [{ name: '陕西省公司' }] });
});
