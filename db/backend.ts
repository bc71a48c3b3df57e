// The device backend both shells run: one profile, the API dispatch, and (later) background work.
import type { Envelope } from '../shared/core/errors.js';
import { dispatch } from './api/index.js';
import type { OpenOptions } from './open.js';
import { openProfile, type Profile } from './profile.js';
import { startSyncLoop, type EngineOptions } from './sync/engine.js';

export interface Backend {
  profile: Profile;
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

export async function startBackend(profileDir: string, opts: OpenOptions & { sync?: EngineOptions } = {}): Promise<Backend> {
  const profile = await openProfile(profileDir, opts);
  const stoppers: (() => Promise<void> | void)[] = [];
  // Background sync with HQ: idles until the device is enrolled, never blocks a call.
  const sync = startSyncLoop({ raw: profile.store.raw, session: profile.session }, opts.sync);
  stoppers.push(() => sync.stop());
  return {
    profile,
    call: (name, input) => dispatch(profile.context(), name, input),
    close: async () => {
      for (const stop of stoppers.reverse()) await stop();
      await profile.store.close();
    },
  };
}
