// A device process for the crash test: writes and syncs in a loop until it is killed (SIGKILL, at
// any instant). Each committed write is reported on stdout as `W <hlc>`; the test checks afterwards
// that all of them reached HQ exactly once.
import { parseArgs } from 'node:util';
import { openProfile } from '../../../db/profile.js';
import { syncOnce } from '../../../db/sync/session.js';
import { uuidv7 } from '../../../shared/core/ids.js';

const { values } = parseArgs({ options: { profile: { type: 'string' }, outlets: { type: 'string' }, tag: { type: 'string' } } });
const profile = await openProfile(values.profile!);
const raw = profile.store.raw;
const dev = { raw, session: profile.session };
const outlets = values.outlets!.split(',');
const last = () => (raw.prepare('SELECT hlc FROM sync_outbox ORDER BY seq DESC LIMIT 1').get() as { hlc: string }).hlc;
console.log('READY');

for (let i = 0; ; i++) {
  // An append-only record (a duplicate would show as an extra row) and an edit of a shared row.
  raw
    .prepare(`INSERT INTO attendance (id, activity_id, person_id, status, scope_path, created_at, updated_at) VALUES (?, 'crash', ?, 'present', '/hq/c/', 't', 't')`)
    .run(uuidv7(), `${values.tag}-${i}`);
  console.log(`W ${last()}`);
  raw.prepare('UPDATE outlets SET name = ?, staff_count = ? WHERE id = ?').run(`${values.tag}-${i}`, i, outlets[i % outlets.length]);
  console.log(`W ${last()}`);
  try {
    await syncOnce(dev, { pushBatch: 2, pullLimit: 3 });
  } catch {
    await new Promise((r) => setTimeout(r, 20)); // HQ down (killed): keep working offline
  }
}
