// The OS half of the idle lock: suspend and screen lock send every live window the lock event, and
// a window already closed is skipped (sending to it would throw in Electron).
import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { LOCK_CHANNEL, lockOnSleep } from '../../electron/powerLock.js';

function win(destroyed = false) {
  const sent: string[] = [];
  return { sent, isDestroyed: () => destroyed, webContents: { send: (ch: string) => void sent.push(ch) } };
}

it('sends the lock to every open window on suspend and on screen lock, not on resume', () => {
  const power = new EventEmitter();
  const open = win();
  const closed = win(true);
  lockOnSleep(power, () => [open, closed]);
  power.emit('resume');
  power.emit('unlock-screen');
  expect(open.sent).toEqual([]);
  power.emit('suspend');
  expect(open.sent).toEqual([LOCK_CHANNEL]);
  power.emit('lock-screen');
  expect(open.sent).toEqual([LOCK_CHANNEL, LOCK_CHANNEL]);
  expect(closed.sent).toEqual([]);
});
