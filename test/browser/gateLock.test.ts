// Locking in browser mode ends the session on the server: while another tab is still signed in the
// store stays open for it; when the last session ends the store is closed (its key leaves memory),
// and the next sign-in with the passphrase opens it again with its data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { profileGate, type Gate } from '../../electron/browser/gate.js';

const PASS = '锁定后重新登录口令';
let dir: string;
let gate: Gate;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-gate-lock-'));
  gate = profileGate(join(dir, 'profile'), { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
});

afterEach(async () => {
  await gate.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the store for a tab still signed in, closes it with the last session, and reopens it on the next sign-in', async () => {
  const first = await gate.signIn(PASS);
  const second = await gate.signIn(PASS);
  const saved = await gate.backendFor(first)!.call('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  expect(saved.ok).toBe(true);

  await gate.signOut(first);
  expect(gate.backendFor(first)).toBeUndefined();
  const stillOpen = gate.backendFor(second)!;
  expect((await stillOpen.call('orgUnits.list', {})).ok).toBe(true);

  await gate.signOut(second);
  expect(gate.backendFor(second)).toBeUndefined();
  // The closed store answers nobody, even through a reference kept from before.
  expect(await stillOpen.call('orgUnits.list', {})).toMatchObject({ ok: false });

  await expect(gate.signIn('不是这个口令')).rejects.toThrow(/Wrong passphrase/);
  const again = await gate.signIn(PASS);
  const list = await gate.backendFor(again)!.call('orgUnits.list', {});
  expect(list.ok && JSON.stringify(list.data)).toContain('陕西省公司');
});
