// The idle lock's OS half: when the computer suspends or its screen locks, every window is told to
// lock (the renderer ends the session and shows 已锁定), so a laptop closed at an outlet wakes locked.
export const LOCK_CHANNEL = 'rc:lock';

export const LOCK_EVENTS = ['suspend', 'lock-screen'] as const;

interface PowerEvents {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
}

interface LockableWindow {
  isDestroyed(): boolean;
  webContents: { send(channel: string): void };
}

/**
 * `closeStore` runs in main first (the key leaves memory even if a window is hung or gone); then
 * every window is told, so it shows 已锁定.
 */
export function lockOnSleep(power: PowerEvents, windows: () => LockableWindow[], closeStore?: () => Promise<void>): void {
  const lock = () => {
    void (closeStore?.() ?? Promise.resolve())
      .catch((e: unknown) => console.error('[red-channel] lock: closing the store failed', (e as Error)?.message ?? e))
      .finally(() => {
        for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(LOCK_CHANNEL);
      });
  };
  for (const e of LOCK_EVENTS) power.on(e, lock);
}
