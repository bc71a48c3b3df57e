// Who is signed in for the call being run. Several users of one browser-mode server can have calls
// in flight at once, so this cannot be a field of the shared session: each call runs inside its own
// async context (the shell's Backend.call), and the capture triggers' writer (db/history/writer.ts)
// reads it from there, on the same async path as the write.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SignedInUser } from '../context.js';

const current = new AsyncLocalStorage<SignedInUser>();

export function runAsUser<T>(user: SignedInUser | null | undefined, fn: () => T): T {
  return user ? current.run(user, fn) : fn();
}

/** The device user signed in for this call, or undefined (a keychain device without users, tools, tests). */
export const signedInUser = (): SignedInUser | undefined => current.getStore();
