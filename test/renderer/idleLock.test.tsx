// The idle lock as a user meets it in browser mode: after (idle − 1) minutes without input a warning
// counts down; 继续使用 keeps the session; otherwise the session is ended on the server and the
// sign-in screen says 已锁定. A page hidden longer than the idle time locks when shown again.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { SignInGate } from '../../renderer/features/signin';
import { useLang } from '../../renderer/i18n';

interface Server {
  signedIn: boolean;
  signOuts: number;
  settings: Record<string, unknown>;
}
let server: Server;
let calls: string[];

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  useLang.setState({ lang: 'zh' });
  server = { signedIn: true, signOuts: 0, settings: {} };
  // A stand-in for browser mode's server (electron/browser/server.ts): only the routes the gate uses.
  calls = [];
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(url);
    if (url === 'auth/status') return json({ ok: true, data: { hasKey: true, signedIn: server.signedIn, required: true, users: [], user: null } });
    if (url === 'auth/signout') {
      server.signOuts++;
      server.signedIn = false;
      return json({ ok: true, data: null });
    }
    if (url === 'api/settings.get') return server.signedIn ? json({ ok: true, data: server.settings }) : json({ ok: false, error: { code: 'forbidden', message: '请先登录', messageEn: 'Sign in first', issues: [] } }, 401);
    throw new Error(`unexpected ${url}`);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));
const pass = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
const warning = () => screen.queryByTestId('idle-warning');

async function openApp() {
  render(<App><SignInGate><div>工作台</div></SignInGate></App>);
  for (let i = 0; i < 5; i++) await settle();
  expect(screen.getByText('工作台')).toBeTruthy();
  expect(calls).toContain('api/settings.get');
}

it('warns a minute before the idle time from settings, counts down, and 继续使用 keeps the session', async () => {
  server.settings = { 'security.idle_lock_minutes': 5 };
  await openApp();
  await pass(3 * 60_000 + 50_000);
  expect(warning()).toBeNull();
  fireEvent.mouseMove(window); // input before the warning restarts the idle time
  await pass(3 * 60_000 + 50_000);
  expect(warning()).toBeNull();
  await pass(15_000);
  expect(warning()?.textContent).toMatch(/5\d 秒后将锁定/);
  fireEvent.mouseMove(window); // a stray move is not a decision: the warning stays
  await pass(10_000);
  expect(warning()?.textContent).toMatch(/4\d 秒后将锁定/);
  fireEvent.click(screen.getByRole('button', { name: '继续使用' }));
  await pass(1000);
  expect(warning()).toBeNull();
  await pass(3 * 60_000);
  expect(server.signOuts).toBe(0);
  expect(screen.getByText('工作台')).toBeTruthy();
});

it('locks at the idle time: the server session ends and the sign-in screen says 已锁定 (default 15 minutes)', async () => {
  server.settings = { 'security.idle_lock_minutes': 1 }; // below the lowest allowed value: the default applies
  await openApp();
  await pass(13 * 60_000 + 30_000);
  expect(warning()).toBeNull();
  await pass(60_000);
  expect(warning()?.textContent).toContain('秒后将锁定');
  await pass(31_000);
  await settle();
  expect(server.signOuts).toBe(1);
  expect(screen.queryByText('工作台')).toBeNull();
  expect(screen.getByTestId('signin-locked').textContent).toContain('已锁定');
  expect(screen.getByText(/请输入口令继续使用/)).toBeTruthy();
});

it('locks a page that was hidden for longer than the idle time as soon as it is shown again, in English too', async () => {
  useLang.setState({ lang: 'en' });
  server.settings = { 'security.idle_lock_minutes': 10 };
  await openApp();
  const setVisibility = (v: 'hidden' | 'visible') => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => v });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  setVisibility('hidden');
  // A sleeping computer runs no timers: only the clock moves.
  vi.setSystemTime(Date.now() + 11 * 60_000);
  setVisibility('visible');
  await settle();
  await settle();
  expect(server.signOuts).toBe(1);
  expect(screen.getByTestId('signin-locked').textContent).toContain('Locked');
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
});

it('does not lock a page hidden for less than the idle time', async () => {
  server.settings = { 'security.idle_lock_minutes': 10 };
  await openApp();
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  document.dispatchEvent(new Event('visibilitychange'));
  vi.setSystemTime(Date.now() + 2 * 60_000);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  document.dispatchEvent(new Event('visibilitychange'));
  await settle();
  expect(server.signOuts).toBe(0);
  expect(screen.getByText('工作台')).toBeTruthy();
});
