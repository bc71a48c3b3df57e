import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '../shared/core/ids.js';
import type { Role } from '../shared/domain/enums.js';
import type { ApiContext, Session } from './context.js';
import { bindWriter, currentWriter } from './history/writer.js';
import { openStore, type OpenOptions, type Store } from './open.js';
import { getMeta, setMeta } from './system/meta.js';
import { registerFileKey } from './vault/fileCipher.js';
import type { Unlocker } from './vault/keywrap.js';
import { setUpUnlockedProfile } from './vault/profileKeys.js';
import { ensurePrivateDir, unlockStoreKey } from './vault/unlock.js';

export interface ProfileOptions extends OpenOptions {
  /** How to unlock the encrypted store (db/vault/). Without it the store is opened as it is. */
  unlock?: Unlocker;
  /** The clock the wrong-passphrase waits are measured by (tests move it). */
  now?: () => Date;
}

export const STORE_FILE = 'red-channel.db';

export interface Profile {
  dir: string;
  store: Store;
  session: Session;
  context(): ApiContext;
}

const ROLES: Role[] = ['instructor', 'county_organiser', 'hq_admin', 'auditor'];

/** Opens a device profile folder (creating it on first use) and reads who this device acts as. */
export async function openProfile(dir: string, opts: ProfileOptions = {}): Promise<Profile> {
  const { unlock, now, ...open } = opts;
  if (unlock) {
    const u = await unlockStoreKey(dir, STORE_FILE, unlock, { ...open, ...(now ? { now } : {}) });
    open.key = u.key;
    open.cipher = u.cipher;
  } else ensurePrivateDir(dir);
  const file = join(dir, STORE_FILE);
  // SQLite gives the WAL and journal the main file's mode: creating it 0600 keeps all three private.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  const store = await openStore(file, open);
  if (unlock) {
    setUpUnlockedProfile(store.raw);
    const close = store.close;
    store.close = async () => {
      await close();
      registerFileKey(join(dir, 'files'), null);
    };
  }
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
  bindWriter(store.raw, () => currentWriter(session)); // the writer of every change (db/history/writer.ts)
  return { dir, store, session, context: () => ({ db, session, now: () => new Date() }) };
}

export async function setIdentity(store: Store, who: { role?: Role; userName?: string; scopePath?: string; profileName?: string }) {
  if (who.role) await setMeta(store.db, 'role', who.role);
  if (who.userName) await setMeta(store.db, 'user_name', who.userName);
  if (who.scopePath) await setMeta(store.db, 'scope_path', who.scopePath);
  if (who.profileName) await setMeta(store.db, 'profile_name', who.profileName);
}
