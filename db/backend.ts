// The device backend both shells run: one profile, the API dispatch, and (later) background work.
import type { Envelope } from '../shared/core/errors.js';
import type { SignedInUser } from './context.js';
import { dispatch } from './api/index.js';
import { openProfile, STORE_FILE, type Profile, type ProfileOptions } from './profile.js';
import { startSyncLoop, type EngineOptions } from './sync/engine.js';
import { onWipe } from './sync/wipe.js';
import { destroyProfileData } from './vault/destroy.js';
import { runAsUser } from './vault/signedIn.js';

export interface Backend {
  profile: Profile;
  /** `as`: the device user signed in on this session (db/vault/users.ts), recorded as the writer. */
  call(name: unknown, input: unknown, as?: SignedInUser | null): Promise<Envelope<unknown>>;
  close(): Promise<void>;
  /** Closes the store and removes this device's data: key, store, WAL/journal, attachments. */
  destroy(): Promise<void>;
  /** Called once the profile has been destroyed (a revocation's wipe, or destroy()). */
  onDestroyed(listener: () => void): void;
}

export async function startBackend(profileDir: string, opts: ProfileOptions & { sync?: EngineOptions } = {}): Promise<Backend> {
  const profile = await openProfile(profileDir, opts);
  const stoppers: (() => Promise<void> | void)[] = [];
  // Background sync with HQ: idles until the device is enrolled, never blocks a call.
  const sync = startSyncLoop({ raw: profile.store.raw, session: profile.session }, opts.sync);
  stoppers.push(() => sync.stop());
  const listeners: (() => void)[] = [];
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      for (const stop of stoppers.reverse()) await stop();
      await profile.store.close();
    })());
  const destroy = async () => {
    await close();
    destroyProfileData(profileDir, STORE_FILE);
    for (const l of listeners) l();
  };
  // Only an encrypted profile is destroyed whole by a wipe; a plain one (tests, tools) keeps its emptied store.
  if (opts.unlock) onWipe(profile.store.raw, destroy);
  return {
    profile,
    call: (name, input, as) => {
      // The session object stays the profile's own (sync finds its engine by it); the user rides the call's async context.
      const ctx = profile.context();
      return runAsUser(as && { id: as.id, name: as.name, role: as.role }, () => dispatch(ctx, name, input));
    },
    close,
    destroy,
    onDestroyed: (l) => listeners.push(l),
  };
}
