// Who may use browser mode: whoever knows the profile's passphrase. The first sign-in opens the
// encrypted store (and on a new profile sets the passphrase); later ones — another tab, after a
// sign-out — are checked against the wrapped key, so wrong passphrases are counted the same way.
// A sign-in yields a random session id the server keeps only in memory and hands out as an httpOnly
// SameSite=Strict cookie: the page itself carries no secret.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { startBackend, type Backend } from '../../db/backend.js';
import { STORE_FILE } from '../../db/profile.js';
import type { EngineOptions } from '../../db/sync/engine.js';
import { readWrap, type Keychain, type Unlocker } from '../../db/vault/keywrap.js';
import { hasKey, unlockStoreKey } from '../../db/vault/unlock.js';
import { addUser, listUsers, nameOwner, removeUser, unlockerFor, userOf, type DeviceUser, type NewUser } from '../../db/vault/users.js';
import { ApiError } from '../../shared/core/errors.js';

export interface GateStatus {
  hasKey: boolean;
  signedIn: boolean;
  /** False only on a keychain device without users: nothing to sign in to, nothing a lock could protect. */
  required: boolean;
  /** Who may sign in here (names only), for the sign-in screen's picker. */
  users: DeviceUser[];
  /** Who this session is (null: the keychain, nobody in particular). */
  user: DeviceUser | null;
}

export interface Gate {
  /** Whether the profile has a passphrase yet (no: the first sign-in sets it). */
  hasKey(): boolean;
  status(sessionId: string | undefined): GateStatus;
  /** A user's PIN or passphrase (`userId` picked on the sign-in screen; absent: the owner's passphrase). */
  signIn(secret: string, opts?: { userId?: string; ownerName?: string }): Promise<string>;
  /** Electron's keychain session, when no sign-in is required. */
  signInWith(unlocker: Unlocker): Promise<string>;
  /** The signed-in user of a session (null for the keychain's). */
  userFor(sessionId: string | undefined): DeviceUser | null;
  addUser(sessionId: string, secret: string, user: NewUser): Promise<DeviceUser>;
  removeUser(sessionId: string, secret: string, userId: string): Promise<void>;
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
  /** Electron's build of the store's native module. */
  nativeBinding?: string;
  /** Electron: the keychain-opened backend is closed by a lock too, once users with PINs exist. */
  closeGiven?: boolean;
  /** Electron's OS keychain (not Linux basic_text): users' PIN copies of the key are sealed by it too. */
  keychain?: Keychain;
}

export function profileGate(dir: string, opts: GateOptions = {}): Gate {
  let backend = opts.backend;
  // A backend a test handed in stays open (the test still uses it); one the gate opened is closed
  // when nobody is signed in, so a locked device holds no key in memory.
  const given = opts.closeGiven ? undefined : opts.backend;
  // Keychain sessions (Electron): their "own secret" for managing users is the keychain itself.
  const keychains = new Map<string, Unlocker>();
  const sessions = new Map<string, DeviceUser | null>();
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
    for (const s of sessions.keys()) if (s.length === id.length && timingSafeEqual(Buffer.from(s), given)) return backend;
    return undefined;
  }
  // One sign-in at a time: two tabs must not open the store twice or miscount wrong tries.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const open = async (unlock: Unlocker): Promise<string> => {
    if (backend) await unlockStoreKey(dir, STORE_FILE, unlock, { storeOpen: true });
    else {
      backend = await startBackend(dir, { unlock, ...(opts.sync ? { sync: opts.sync } : {}), ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
      watch(backend);
    }
    const w = readWrap(dir);
    const id = randomBytes(32).toString('hex');
    sessions.set(id, w ? userOf(w, unlock) : null);
    if (unlock.kind === 'os') keychains.set(id, unlock);
    return id;
  };
  const userFor = (id: string | undefined) => (backendFor(id) ? (sessions.get(id!) ?? null) : null);
  /** The session's own user re-typing their secret (user management and removal ask for it). */
  const own = (id: string, secret: string): Unlocker => {
    if (!backendFor(id)) throw new ApiError('forbidden', '请先登录', 'Sign in first');
    return keychains.get(id) ?? unlockerFor(userFor(id)?.id, String(secret ?? ''), opts.keychain);
  };
  return {
    hasKey: () => hasKey(dir),
    status: (id) => {
      const w = readWrap(dir);
      const users = listUsers(w);
      return { hasKey: !!w, signedIn: !!backendFor(id), required: w?.kind !== 'os' || users.length > 0, users, user: userFor(id) };
    },
    signIn: (secret, o = {}) =>
      serial(async () => {
        if (typeof secret !== 'string' || !secret) throw new ApiError('validation', '请输入口令或PIN', 'Enter the PIN or passphrase', [{ path: 'passphrase', message: '请输入口令或PIN', messageEn: 'Enter the PIN or passphrase' }]);
        const first = !hasKey(dir);
        const id = await open(unlockerFor(o.userId, secret, opts.keychain));
        if (first && o.ownerName) {
          nameOwner(dir, o.ownerName);
          sessions.set(id, userOf(readWrap(dir)!, { kind: 'passphrase', passphrase: secret }));
        }
        return id;
      }),
    signInWith: (unlock) => serial(() => open(unlock)),
    userFor,
    addUser: (id, secret, user) => serial(() => addUser(dir, STORE_FILE, own(id, secret), user, new Date(), opts.keychain)),
    removeUser: (id, secret, userId) => serial(() => removeUser(dir, STORE_FILE, own(id, secret), String(userId ?? ''))),
    signOut: (id) =>
      serial(async () => {
        const b = backendFor(id);
        if (!b) return;
        sessions.delete(id);
        keychains.delete(id);
        if (sessions.size === 0 && b !== given) {
          backend = undefined;
          await b.close();
        }
      }),
    removeData: (id, passphrase) =>
      serial(async () => {
        const b = backendFor(id);
        if (!b) throw new ApiError('forbidden', '请先登录', 'Sign in first');
        await unlockStoreKey(dir, STORE_FILE, own(id, passphrase), { storeOpen: true });
        await b.destroy();
      }),
    backendFor,
    close: async () => {
      sessions.clear();
      await backend?.close();
    },
  };
}
