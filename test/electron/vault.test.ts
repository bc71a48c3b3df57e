// Electron's store key: wrapped by a real OS keychain, refused on Linux's basic_text fallback, where
// the window signs in with a passphrase over IPC instead (electron/auth.ts), the electron module mocked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../db/backend.js';
import { registerAuth } from '../../electron/auth.js';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { registerApi } from '../../electron/ipc.js';
import { osUnlocker, type SafeStorageLike } from '../../electron/vault.js';

const dirs: string[] = [];
const backends: Backend[] = [];
const gates: Gate[] = [];
afterEach(async () => {
  for (const g of gates.splice(0)) await g.close();
  for (const b of backends.splice(0)) await b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const keychain = (backend: string, available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (s) => Buffer.from(`kc:${Buffer.from(s).toString('hex').split('').reverse().join('')}`),
  decryptString: (b) => Buffer.from(b.toString().slice(3).split('').reverse().join(''), 'hex').toString(),
});

it('refuses the basic_text backend and an unavailable keychain, accepts a real one', () => {
  expect(osUnlocker(keychain('basic_text'), 'linux')).toMatchObject({ ok: false, reason: expect.stringContaining('basic_text') });
  expect(osUnlocker(keychain('gnome_libsecret', false), 'linux')).toMatchObject({ ok: false });
  expect(osUnlocker(keychain('kwallet5'), 'linux').ok).toBe(true);
  expect(osUnlocker(keychain('unknown'), 'win32').ok).toBe(true); // the backend question is Linux's only
});

it('opens the same encrypted store again through the keychain, and not with another keychain', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-el-vault-'));
  dirs.push(dir);
  const os = osUnlocker(keychain('gnome_libsecret'), 'linux');
  if (!os.ok) throw new Error(os.reason);
  const first = await startBackend(dir, { unlock: os.unlock });
  await first.call('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  await first.close();
  const again = await startBackend(dir, { unlock: os.unlock });
  backends.push(again);
  expect(await again.call('orgUnits.list', {})).toMatchObject({ ok: true, data: [{ name: '陕西省公司' }] });
  const other: SafeStorageLike = { ...keychain('kwallet'), decryptString: () => Buffer.alloc(16).toString('base64') };
  const wrongOs = osUnlocker(other, 'linux');
  if (!wrongOs.ok) throw new Error(wrongOs.reason);
  await expect(startBackend(dir, { unlock: wrongOs.unlock })).rejects.toThrow();
});

it('without a keychain, refuses every call until the window signs in with the passphrase', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-el-auth-'));
  dirs.push(dir);
  const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => handlers.set(ch, fn) };
  const trusted = (e: unknown) => (e as { trusted: boolean }).trusted;
  const gate = profileGate(dir, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  gates.push(gate);
  const lazy = registerAuth(ipcMain as never, gate, trusted as never);
  registerApi(ipcMain as never, lazy, trusted as never);
  const api = handlers.get('rc:api')!;
  const auth = handlers.get('rc:auth')!;
  const me = { trusted: true };
  expect(await api(me, 'session.info', {})).toMatchObject({ ok: false, error: { message: '请先登录', messageEn: 'Sign in first' } });
  expect(await auth(me, 'status')).toMatchObject({ ok: true, data: { hasKey: false, signedIn: false, required: true } });
  expect(await auth({ trusted: false }, 'signin', { passphrase: '任意口令任意口令' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await auth(me, 'signin', { passphrase: '短' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('口令至少需要') } });
  expect(await auth(me, 'signin', { passphrase: '乡镇网点笔记本口令' })).toMatchObject({ ok: true });
  expect(await api(me, 'session.info', {})).toMatchObject({ ok: true, data: { role: 'county_organiser' } });
  expect(await auth(me, 'status')).toMatchObject({ ok: true, data: { hasKey: true, signedIn: true } });
});
