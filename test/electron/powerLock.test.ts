// The OS half of the idle lock: suspend and screen lock send every live window the lock event, and
// a window already closed is skipped (sending to it would throw in Electron).
import { EventEmitter } from 'node:events';
import { expect, it, vi } from 'vitest';
import { LOCK_CHANNEL, lockOnSleep } from '../../electron/powerLock.js';

function win(destroyed = false) {
  const sent: string[] = [];
  return { sent, isDestroyed: () => destroyed, webContents: { send: (ch: string) => void sent.push(ch) } };
}

it('sends the lock to every open window on suspend and on screen lock, not on resume', async () => {
  const power = new EventEmitter();
  const open = win();
  const closed = win(true);
  lockOnSleep(power, () => [open, closed]);
  power.emit('resume');
  power.emit('unlock-screen');
  expect(open.sent).toEqual([]);
  power.emit('suspend');
  await vi.waitFor(() => expect(open.sent).toEqual([LOCK_CHANNEL]));
  power.emit('lock-screen');
  await vi.waitFor(() => expect(open.sent).toEqual([LOCK_CHANNEL, LOCK_CHANNEL]));
  expect(closed.sent).toEqual([]);
});

it('closes the store in main before any window hears of the lock, and still tells them if closing fails', async () => {
  const power = new EventEmitter();
  const w = win();
  const order: string[] = [];
  let fail = false;
  lockOnSleep(power, () => [{ ...w, webContents: { send: (ch: string) => void order.push(`sent ${ch}`) } }], async () => {
    order.push('store closed');
    if (fail) throw new Error('disk gone');
  });
  power.emit('suspend');
  await vi.waitFor(() => expect(order).toEqual(['store closed', `sent ${LOCK_CHANNEL}`]));
  fail = true;
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  power.emit('lock-screen');
  await vi.waitFor(() => expect(order).toEqual(['store closed', `sent ${LOCK_CHANNEL}`, 'store closed', `sent ${LOCK_CHANNEL}`]));
});
