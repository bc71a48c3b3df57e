// The Electron shell with the electron module mocked (the binary cannot run on build machines).
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CSP, isAllowedNavigation, WEB_PREFERENCES, withCsp } from '../../electron/security.js';
import { API_CHANNEL, registerApi } from '../../electron/ipc.js';
import { electronNativeBinding } from '../../electron/paths.js';


describe('window security', () => {
  it('isolates the renderer from Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, webviewTag: false });
  });
  it('allows navigation only to the app itself', () => {
    const index = 'file:///opt/red-channel/dist/renderer/index.html';
    expect(isAllowedNavigation('file:///opt/red-channel/dist/renderer/index.html#/people', index)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', index)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', index)).toBe(false);
    expect(isAllowedNavigation('not a url', index)).toBe(false);
  });
  it('sets a strict CSP on every response', () => {
    expect(withCsp({ 'X-A': 'b' })).toEqual({ 'X-A': ['b'], 'Content-Security-Policy': [APP_CSP] });
    expect(APP_CSP).toContain("default-src 'self'");
    expect(APP_CSP).not.toContain('unsafe-eval');
  });
});

describe('IPC bridge', () => {
  it('registers one generic handler that passes calls to the backend and refuses untrusted senders', async () => {
    const handlers = new Map<string, (e: unknown, ...a: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: (ch: string, fn: (e: unknown, ...a: unknown[]) => Promise<unknown>) => handlers.set(ch, fn) };
    const backend = { call: vi.fn(async (name: unknown) => ({ ok: true as const, data: name })) };
    registerApi(ipcMain as never, backend, (e) => (e as unknown as { trusted: boolean }).trusted);
    const h = handlers.get(API_CHANNEL)!;
    expect(await h({ trusted: true }, 'people.list', {})).toEqual({ ok: true, data: 'people.list' });
    expect(await h({ trusted: false }, 'people.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(backend.call).toHaveBeenCalledTimes(1);
  });

  it('the preload exposes only narrow functions: invoke, auth, onLock and printToPdf', () => {
    // A sandboxed preload is one self-contained CommonJS file: compile it as Electron would load it.
    const source = readFileSync(join(process.cwd(), 'electron', 'preload.cts'), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn();
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const on = vi.fn((ch: string, l: (...a: unknown[]) => void) => listeners.set(ch, l));
    const removeListener = vi.fn((ch: string) => listeners.delete(ch));
    const required: string[] = [];
    const fakeRequire = (m: string) => {
      required.push(m);
      return { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke, on, removeListener } };
    };
    new Function('require', 'exports', 'module', js)(fakeRequire, {}, { exports: {} });
    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledWith('rcApi', {
      invoke: expect.any(Function), auth: expect.any(Function), onLock: expect.any(Function), printToPdf: expect.any(Function),
    });
    const api = exposeInMainWorld.mock.calls[0]![1] as {
      invoke(n: string, i: unknown): unknown; auth(w: string, b?: unknown): unknown; onLock(l: (...a: unknown[]) => void): () => void;
    };
    api.invoke('people.list', { q: '张' });
    expect(invoke).toHaveBeenCalledWith('rc:api', 'people.list', { q: '张' });
    api.auth('signin', { passphrase: '口令口令口令口令', userId: 'u1' });
    expect(invoke).toHaveBeenCalledWith('rc:auth', 'signin', { passphrase: '口令口令口令口令', userId: 'u1' });
    // The lock event reaches the page as a bare call: neither the IPC event nor a sender crosses the bridge.
    const heard: unknown[][] = [];
    const stop = api.onLock((...args) => heard.push(args));
    listeners.get('rc:lock')!({ sender: { send: () => undefined } }, 'extra');
    expect(heard).toEqual([[]]);
    stop();
    expect(removeListener).toHaveBeenCalledWith('rc:lock', expect.any(Function));
    expect(listeners.has('rc:lock')).toBe(false);
  });
});

describe('native module for Electron', () => {
  it('uses the Electron build from .electron-native in development and never the Node one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-native-'));
    expect(electronNativeBinding(dir, false)).toBeUndefined();
    mkdirSync(join(dir, '.electron-native'));
    writeFileSync(join(dir, '.electron-native', 'better_sqlite3.node'), '');
    expect(electronNativeBinding(dir, false)).toBe(join(dir, '.electron-native', 'better_sqlite3.node'));
    expect(electronNativeBinding(dir, true)).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});
