import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '../shared/core/ids.js';
import type { Role } from '../shared/domain/enums.js';
import type { ApiContext, Session } from './context.js';
import { openStore, type OpenOptions, type Store } from './open.js';
import { getMeta, setMeta } from './system/meta.js';

export const STORE_FILE = 'red-channel.db';

export interface Profile {
  dir: string;
  store: Store;
  session: Session;
  context(): ApiContext;
}

const ROLES: Role[] = ['instructor', 'county_organiser', 'hq_admin', 'auditor'];

/** Opens a device profile folder (creating it on first use) and reads who this device acts as. */
export async function openProfile(dir: string, opts: OpenOptions = {}): Promise<Profile> {
  mkdirSync(dir, { recursive: true });
  const store = await openStore(join(dir, STORE_FILE), opts);
  const db = store.db;
  let deviceId = await getMeta(db, 'device_id');
  if (!deviceId) {
    deviceId = uuidv7();
    await setMeta(db, 'device_id', deviceId);
  }
  const role = ((await getMeta(db, 'role')) ?? 'county_organiser') as Role;
  const session: Session = {
    deviceId,
    role: ROLES.includes(role) ? role : 'county_organiser',
    userName: (await getMeta(db, 'user_name')) ?? '本机用户',
    scopePath: (await getMeta(db, 'scope_path')) ?? '/',
    profileName: (await getMeta(db, 'profile_name')) ?? 'default',
  };
  return { dir, store, session, context: () => ({ db, session, now: () => new Date() }) };
}

export async function setIdentity(store: Store, who: { role?: Role; userName?: string; scopePath?: string; profileName?: string }) {
  if (who.role) await setMeta(store.db, 'role', who.role);
  if (who.userName) await setMeta(store.db, 'user_name', who.userName);
  if (who.scopePath) await setMeta(store.db, 'scope_path', who.scopePath);
  if (who.profileName) await setMeta(store.db, 'profile_name', who.profileName);
}
