// Electron's lock as the user meets it, with electron's IPC replaced by in-process stand-ins over the
// real main-side code (electron/auth.ts, electron/powerLock.ts) and a real encrypted profile: the
// computer suspends, main closes the store, the window hears rc:lock through preload's onLock and
// shows 已锁定; the passphrase opens the store again with its data.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerAuth, type LazyBackend } from '../../electron/auth.js';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { registerApi } from '../../electron/ipc.js';
import { lockOnSleep } from '../../electron/powerLock.js';
import { SignInGate } from '../../renderer/features/signin';
import { useLang } from '../../renderer/i18n';
import type { Envelope } from '../../shared/core/errors.js';

const PASS = '乡镇笔记本的口令2026';
let dir: string;
let gate: Gate;
let lazy: LazyBackend;
const power = new EventEmitter();

beforeAll(() => {
  useLang.setState({ lang: 'zh' });
  dir = mkdtempSync(join(tmpdir(), 'rc-el-lock-ui-'));
  gate = profileGate(join(dir, 'profile'), { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
  const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (ch: string, fn: (...a: unknown[]) => Promise<unknown>) => handlers.set(ch, fn) };
  const fromApp = { senderFrame: { url: 'file:///app/index.html' } };
  const trusted = () => true;
  lazy = registerAuth(ipcMain as never, gate, trusted as never);
  registerApi(ipcMain as never, lazy, trusted as never);
  // What preload.cts exposes, wired to the handlers main registered; rc:lock goes to onLock's listeners.
  const listeners = new Set<() => void>();
  window.rcApi = {
    invoke: (name, input) => handlers.get('rc:api')!(fromApp, name, input) as Promise<Envelope<unknown>>,
    auth: (what, body) => handlers.get('rc:auth')!(fromApp, what, body) as Promise<Envelope<unknown>>,
    onLock: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  const win = { isDestroyed: () => false, webContents: { send: () => listeners.forEach((l) => l()) } };
  lockOnSleep(power, () => [win], () => lazy.lock());
});

afterAll(async () => {
  delete window.rcApi;
  await gate.close();
  rmSync(dir, { recursive: true, force: true });
});

async function typePassphrase(confirm: boolean) {
  fireEvent.change(screen.getByTestId('signin-passphrase'), { target: { value: PASS } });
  if (confirm) fireEvent.change(screen.getByTestId('signin-confirm'), { target: { value: PASS } });
  fireEvent.click(screen.getByTestId('signin-submit'));
}

it('locks on OS suspend: the store closes in main and the window shows 已锁定; the passphrase opens it again', async () => {
  render(<App><SignInGate><div>工作台</div></SignInGate></App>);
  await waitFor(() => expect(screen.getByText('设置本机数据口令')).toBeTruthy(), { timeout: 10_000 });
  await typePassphrase(true);
  await waitFor(() => expect(screen.getByText('工作台')).toBeTruthy(), { timeout: 15_000 });
  await window.rcApi!.invoke('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });

  power.emit('suspend');
  await waitFor(() => expect(screen.getByTestId('signin-locked').textContent).toContain('已锁定'), { timeout: 10_000 });
  expect(lazy.current()).toBeUndefined(); // the store is closed: its key is out of memory
  expect(screen.queryByText('工作台')).toBeNull();
  expect(await window.rcApi!.invoke('orgUnits.list', {})).toMatchObject({ ok: false, error: { message: '请先登录' } });

  await typePassphrase(false);
  await waitFor(() => expect(screen.getByText('工作台')).toBeTruthy(), { timeout: 15_000 });
  expect(await window.rcApi!.invoke('orgUnits.list', {})).toMatchObject({ ok: true, data: [{ name: '陕西省公司' }] });
}, 60_000);
