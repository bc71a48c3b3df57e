// Who writes on this device. Every local write records its writer beside the change (the outbox
// entry and the history rows, db/history/triggers.ts) through the SQL function history_writer(),
// which asks the writer bound to the connection. Today that is the device's enrolled user and role;
// per-user sign-in points `currentWriter` at the person signed in, and nothing else changes.
import type Database from 'better-sqlite3';
import { ROLES, type Role } from '../../shared/domain/enums.js';
import { encodeWriter } from '../../shared/history/writer.js';
import type { Writer } from '../../shared/history/types.js';
import type { Session } from '../context.js';
import { signedInUser } from '../vault/signedIn.js';

/** The one place that says who is writing. */
export function currentWriter(session: Pick<Session, 'userName' | 'role'>): Writer {
  // H15b: the device user signed in for this call (db/vault/signedIn.ts), when there is one.
  const u = signedInUser();
  return u ? { name: u.name || session.userName, role: session.role, userId: u.id } : { name: session.userName, role: session.role };
}

const bound = new WeakMap<Database.Database, () => Writer>();

/** Names the writer of every later write on this connection (the profile binds its live session). */
export function bindWriter(raw: Database.Database, who: () => Writer): void {
  bound.set(raw, who);
}

/** A store opened without a profile (tools, tests): the identity in its meta table, read once. */
function fromMeta(raw: Database.Database): Writer {
  const get = (k: string) => (raw.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value;
  const role = get('role');
  return { name: get('user_name') ?? '本机用户', role: role && Object.prototype.hasOwnProperty.call(ROLES, role) ? (role as Role) : null };
}

const fallbacks = new WeakMap<Database.Database, string>();

/** Reads the meta fallback once the schema exists (called after migrations; a trigger cannot query). */
export function loadFallbackWriter(raw: Database.Database): void {
  fallbacks.set(raw, encodeWriter(fromMeta(raw)));
}

/** Registers history_writer(), which the capture triggers call on every local write. */
export function registerHistoryFunctions(raw: Database.Database): void {
  let cached: { w: Writer; s: string } | null = null;
  raw.function('history_writer', { deterministic: false }, () => {
    const who = bound.get(raw);
    if (!who) return fallbacks.get(raw) ?? null;
    const w = who();
    if (cached?.w.name !== w.name || cached.w.role !== w.role || cached.w.userId !== w.userId) cached = { w: { ...w }, s: encodeWriter(w) };
    return cached.s;
  });
}
