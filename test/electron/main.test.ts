// Boots electron/main.ts against a mocked electron module and a real profile: the window is
// hardened, navigation is blocked and the IPC bridge reaches the real backend.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { STORE_FILE } from '../../db/profile.js';
import { KEYWRAP_FILE } from '../../db/vault/keywrap.js';
import { isPlainStore } from '../../db/vault/migrate.js';

const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; handlers: Map<string, (...a: unknown[]) => void>; openHandler?: () => unknown; loaded?: string }[],
  ipc: new Map<string, (...a: unknown[]) => Promise<unknown>>(),
  ready: [] as (() => void)[],
  power: new Map<string, () => void>(),
  sent: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    webContents: unknown;
    constructor(options: Record<string, unknown>) {
      const w = { options, handlers: new Map<string, (...a: unknown[]) => void>() } as (typeof state.windows)[number];
      state.windows.push(w);
      this.webContents = {
        on: (ev: string, fn: (...a: unknown[]) => void) => w.handlers.set(ev, fn),
        setWindowOpenHandler: (fn: () => unknown) => (w.openHandler = fn),
        send: (ch: string) => state.sent.push(ch),
      };
      Object.assign(w, { isDestroyed: () => false, webContents: this.webContents });
      Object.assign(this, { once: () => {}, show: () => {}, loadFile: async (f: string) => (w.loaded = f) });
    }
  }
  return {
    app: {
      getAppPath: () => '/opt/red-channel',
      getPath: () => '/tmp',
      isPackaged: false,
      whenReady: () => Promise.resolve(),
      on: () => {},
      quit: () => {},
    },
    BrowserWindow,
    powerMonitor: { on: (ev: string, fn: () => void) => state.power.set(ev, fn) },
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => state.ipc.set(ch, fn) },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} } },
    // A keychain stand-in: reversible, and never the plain text.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(`kc:${Buffer.from(s).toString('hex').split('').reverse().join('')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice(3).split('').reverse().join(''), 'hex').toString(),
    },
  };
});

afterAll(() => {
  if (process.env.RC_PROFILE) rmSync(process.env.RC_PROFILE, { recursive: true, force: true });
});

it('opens a hardened window and serves the contract over IPC', async () => {
  const profile = (process.env.RC_PROFILE = mkdtempSync(join(tmpdir(), 'rc-main-')));
  await import('../../electron/main.js');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 });
  const w = state.windows[0]!;
  expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true });
  expect(String((w.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  expect(w.loaded).toBe('/opt/red-channel/dist/renderer/index.html');
  expect(w.openHandler!()).toEqual({ action: 'deny' });
  const prevented = vi.fn();
  w.handlers.get('will-navigate')!({ preventDefault: prevented }, 'https://evil.example/');
  expect(prevented).toHaveBeenCalled();

  const handler = state.ipc.get('rc:api')!;
  const fromApp = { senderFrame: { url: 'file:///opt/red-channel/dist/renderer/index.html' } };
  expect(await handler(fromApp, 'session.info', {})).toMatchObject({ ok: true, data: { role: 'county_organiser' } });
  expect(await handler(fromApp, 'outlets.save', { code: 5 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'session.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // The store is encrypted under a key the keychain wrapped; no sign-in is asked for.
  const wrap = JSON.parse(readFileSync(join(profile, KEYWRAP_FILE), 'utf8')) as { kind: string; wrapped: string };
  expect(wrap.kind).toBe('os');
  expect(Buffer.from(wrap.wrapped, 'base64').toString()).toMatch(/^kc:/);
  expect(isPlainStore(join(profile, STORE_FILE))).toBe(false);
  expect(await state.ipc.get('rc:auth')!(fromApp, 'status')).toMatchObject({ ok: true, data: { hasKey: true, signedIn: true, required: false } });

  // The computer suspending or its screen locking tells the window to lock; with the keychain and no
  // users there is no secret to lock to, so the store stays open.
  state.power.get('suspend')!();
  state.power.get('lock-screen')!();
  await vi.waitFor(() => expect(state.sent).toEqual(['rc:lock', 'rc:lock']));
  expect(await handler(fromApp, 'session.info', {})).toMatchObject({ ok: true });
});
