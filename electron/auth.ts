// Sign-in in Electron: the same gate and operations as browser mode (authOps.ts) over the `rc:auth`
// channel, with the window's one session kept here in main. A sign-in always checks the PIN or
// passphrase, also while the store is open. On a keychain device without users nothing needs a
// sign-in and the keychain's session opens at once; otherwise a lock (OS sleep, screen lock, the
// renderer's idle lock) ends the session, which closes the store and drops its key from memory.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Backend } from '../db/backend.js';
import type { Unlocker } from '../db/vault/keywrap.js';
import type { Envelope, ErrorCode } from '../shared/core/errors.js';
import { isAuthOp, runAuthOp } from './authOps.js';
import type { Gate } from './browser/gate.js';

export const AUTH_CHANNEL = 'rc:auth';

export interface LazyBackend {
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  current(): Backend | undefined;
  /** Ends the session when a sign-in is required (the store closes); a keychain device without users stays open. */
  lock(): Promise<void>;
}

const refused = (message: string, messageEn: string, code: ErrorCode = 'forbidden'): Envelope<unknown> => ({ ok: false, error: { code, message, messageEn, issues: [] } });

/** Registers the sign-in channel; `keychain` opens the store without a sign-in when the gate requires none. */
export function registerAuth(ipcMain: IpcMain, gate: Gate, isTrustedSender: (e: IpcMainInvokeEvent) => boolean, keychain?: Unlocker): LazyBackend {
  let session: string | undefined;
  const ensureKeychainSession = async () => {
    if (keychain && !gate.status(session).required && !gate.backendFor(session)) session = await gate.signInWith(keychain);
  };
  ipcMain.handle(AUTH_CHANNEL, async (event, what: unknown, body: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) return refused('拒绝来自未知页面的请求', 'Untrusted sender');
    if (!isAuthOp(what)) return refused('未知操作', 'Unknown operation', 'unknown_operation');
    await ensureKeychainSession();
    const out = await runAuthOp(gate, session, what, body);
    if (out.session !== undefined) session = out.session ?? undefined;
    return out.envelope;
  });
  return {
    call: async (name, input) => {
      await ensureKeychainSession();
      const b = gate.backendFor(session);
      return b ? b.call(name, input, gate.userFor(session)) : refused('请先登录', 'Sign in first');
    },
    current: () => gate.backendFor(session),
    lock: async () => {
      if (!session || !gate.status(session).required) return;
      const s = session;
      session = undefined;
      await gate.signOut(s);
    },
  };
}
