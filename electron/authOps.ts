// The sign-in operations both shells offer, over one gate (browser/gate.ts): browser mode carries
// them as /auth/<what> with the session in a cookie, Electron as the `rc:auth` IPC channel with the
// session kept in main. Either way the page never holds a secret beyond what the user just typed.
import type { Envelope } from '../shared/core/errors.js';
import { ApiError } from '../shared/core/errors.js';
import type { NewUser } from '../db/vault/users.js';
import type { Gate } from './browser/gate.js';

export const AUTH_OPS = ['status', 'signin', 'signout', 'remove', 'users.add', 'users.remove'] as const;
export type AuthOp = (typeof AUTH_OPS)[number];

export interface AuthOutcome {
  envelope: Envelope<unknown>;
  /** A new session id to keep (sign-in), null to forget the current one (sign-out, removal), or unchanged. */
  session?: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const isAuthOp = (what: unknown): what is AuthOp => typeof what === 'string' && (AUTH_OPS as readonly string[]).includes(what);

/** Runs one sign-in operation; refusals come back as bilingual envelopes, never as throws. */
export async function runAuthOp(gate: Gate, session: string | undefined, what: AuthOp, body: unknown): Promise<AuthOutcome> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  try {
    switch (what) {
      case 'status':
        return { envelope: { ok: true, data: gate.status(session) } };
      case 'signin': {
        const id = await gate.signIn(str(b.passphrase), { userId: str(b.userId) || undefined, ownerName: str(b.ownerName) || undefined });
        return { envelope: { ok: true, data: gate.status(id).user }, session: id };
      }
      case 'signout':
        if (session) await gate.signOut(session);
        return { envelope: { ok: true, data: null }, session: null };
      case 'remove':
        await gate.removeData(session ?? '', str(b.passphrase));
        return { envelope: { ok: true, data: null }, session: null };
      case 'users.add': {
        const u = (b.user ?? {}) as Record<string, unknown>;
        const nu = { name: str(u.name), role: str(u.role), secretKind: str(u.secretKind), secret: str(u.secret) } as NewUser;
        return { envelope: { ok: true, data: await gate.addUser(session ?? '', str(b.passphrase), nu) } };
      }
      case 'users.remove':
        await gate.removeUser(session ?? '', str(b.passphrase), str(b.userId));
        return { envelope: { ok: true, data: gate.status(session).users } };
    }
  } catch (e) {
    if (e instanceof ApiError) return { envelope: { ok: false, error: e.toBody() } };
    throw e;
  }
}
