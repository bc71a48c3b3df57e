// Who may use browser mode: whoever knows the profile's passphrase. The first sign-in opens the
// encrypted store (and on a new profile sets the passphrase); later ones — another tab, after a
// sign-out — are checked against the wrapped key, so wrong passphrases are counted the same way.
// A sign-in yields a random session id the server keeps only in memory and hands out as an httpOnly
// SameSite=Strict cookie: the page itself carries no secret.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { startBackend, type Backend } from '../../db/backend.js';
import { STORE_FILE } from '../../db/profile.js';
import type { EngineOptions } from '../../db/sync/engine.js';
import { hasKey, unlockStoreKey } from '../../db/vault/unlock.js';
import { ApiError } from '../../shared/core/errors.js';

export interface Gate {
  /** Whether the profile has a passphrase yet (no: the first sign-in sets it). */
  hasKey(): boolean;
  signIn(passphrase: string): Promise<string>;
  /** Ends a session (sign-out, idle lock); the last one to go closes the store, dropping its key from memory. */
  signOut(sessionId: string): Promise<void>;
  /** The user's own "remove this device's data": the passphrase again, then key, store and files go. */
  removeData(sessionId: string, passphrase: string): Promise<void>;
  /** The backend, when the session id is one this gate handed out. */
  backendFor(sessionId: string | undefined): Backend | undefined;
  close(): Promise<void>;
}

export interface GateOptions {
  sync?: EngineOptions;
  /** A backend already opened with the profile's passphrase (tests set data up before the page signs in). */
  backend?: Backend;
}

export function profileGate(dir: string, opts: GateOptions = {}): Gate {
  let backend = opts.backend;
  // A backend a test handed in stays open (the test still uses it); one the gate opened is closed
  // when nobody is signed in, so a locked device holds no key in memory.
  const given = opts.backend;
  const sessions = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  const watch = (b: Backend) =>
    b.onDestroyed(() => {
      if (backend === b) backend = undefined;
      sessions.clear();
    });
  if (backend) watch(backend);
  function backendFor(id: string | undefined): Backend | undefined {
    if (!id || !backend) return undefined;
    const given = Buffer.from(id);
    for (const s of sessions) if (s.length === id.length && timingSafeEqual(Buffer.from(s), given)) return backend;
    return undefined;
  }
  // One sign-in at a time: two tabs must not open the store twice or miscount wrong tries.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    hasKey: () => hasKey(dir),
    signIn: (passphrase) =>
      serial(async () => {
        if (typeof passphrase !== 'string' || !passphrase) throw new ApiError('validation', '请输入口令', 'Enter the passphrase', [{ path: 'passphrase', message: '请输入口令', messageEn: 'Enter the passphrase' }]);
        const unlock = { kind: 'passphrase' as const, passphrase };
        if (backend) await unlockStoreKey(dir, STORE_FILE, unlock);
        else {
          backend = await startBackend(dir, { unlock, ...(opts.sync ? { sync: opts.sync } : {}) });
          watch(backend);
        }
        const id = randomBytes(32).toString('hex');
        sessions.add(id);
        return id;
      }),
    signOut: (id) =>
      serial(async () => {
        const b = backendFor(id);
        if (!b) return;
        sessions.delete(id);
        if (sessions.size === 0 && b !== given) {
          backend = undefined;
          await b.close();
        }
      }),
    removeData: (id, passphrase) =>
      serial(async () => {
        const b = backendFor(id);
        if (!b) throw new ApiError('forbidden', '请先登录', 'Sign in first');
        await unlockStoreKey(dir, STORE_FILE, { kind: 'passphrase', passphrase: String(passphrase ?? '') });
        await b.destroy();
      }),
    backendFor,
    close: async () => {
      sessions.clear();
      await backend?.close();
    },
  };
}
