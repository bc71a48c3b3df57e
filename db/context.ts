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
  /** Who signed in on this device (several users may share one outlet PC); absent on a keychain device without users. */
  signedInUser?: SignedInUser;
}

/** A device user (db/vault/users.ts): the owner, a county organiser or staff; not the device's enrolled role. */
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

