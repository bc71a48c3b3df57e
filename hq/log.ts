// hq_log: what an administrator may need to look back on (enrolments, revocations, re-stamped clocks,
// relayed bundles, blocked guessing), kept in the database so that every HQ process writes to one place.
import { uuidv7 } from '../shared/core/ids.js';
import type { HqStore } from './store.js';

export async function logEvent(store: HqStore, kind: string, deviceId: string | null, detail: unknown): Promise<void> {
  await store.db
    .insertInto('hq_log')
    .values({ id: uuidv7(), at: new Date().toISOString(), kind, device_id: deviceId, detail: JSON.stringify(detail) })
    .execute();
}
