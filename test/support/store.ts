import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProfile, setIdentity, type Profile } from '../../db/profile.js';
import type { Role } from '../../shared/domain/enums.js';

/** A real device profile in a temp folder, with real migrations. */
export async function tempProfile(who: { role?: Role; scopePath?: string } = {}): Promise<Profile & { cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'rc-test-'));
  let p = await openProfile(dir);
  if (who.role || who.scopePath) {
    await setIdentity(p.store, who);
    await p.store.close();
    p = await openProfile(dir);
  }
  return Object.assign(p, {
    cleanup: async () => {
      await p.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
