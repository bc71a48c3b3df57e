import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../shared/domain/enums.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB> | Transaction<DB>;

export interface Session {
  role: Role;
  userName: string;
  scopePath: string;
  deviceId: string;
  profileName: string;
}

/**
 * A device user (db/vault/users.ts): the owner, a county organiser or staff; not the device's enrolled
 * role. Who is signed in for the running call: signedInUser() in db/vault/signedIn.ts.
 */
export interface SignedInUser {
  id: string;
  name: string;
  role: 'owner' | 'organiser' | 'staff';
}

export interface ApiContext {
  db: Kysely<DB>;
  session: Session;
  now: () => Date;
}

export function nowIso(ctx: { now: () => Date }): string {
  return ctx.now().toISOString();
}

/** Roles that may see full citizen ids and phone numbers on a detail screen. */
export function canSeeFullIds(role: Role): boolean {
  return role === 'county_organiser' || role === 'hq_admin';
}

