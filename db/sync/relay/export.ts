// Writing a sync bundle on a device that cannot reach HQ: the hello, the waiting writes (the same
// batch /v1/push would get, oldest first, bounded) and the pull request at the stored cursor,
// sealed so that only HQ can read it. Nothing in the store changes but a note of the export: the
// writes stay waiting until an answer (or an online sync) acknowledges them.
import { uuidv7 } from '../../../shared/core/ids.js';
import { PROTOCOL_VERSION, type WireWrite } from '../../../shared/sync/protocol.js';
import { RELAY_LIMITS, relayFileName, type BundlePayload } from '../../../shared/sync/relay.js';
import { RelayFileError, sealRelayFile } from '../../../shared/sync/relayBox.js';
import { CURSOR_KEY, SINCE_KEY } from '../apply.js';
import { nextBatch, waitingChanges } from '../outbox.js';
import { helloReport } from '../report.js';
import { APP_VERSION, isEnrolled, schemaVersion } from '../session.js';
import { clockOf, deviceNow, getMetaRaw, setMetaRaw, whenIdle, type Device } from '../state.js';
import { RELAY_META, relayKeys } from './keys.js';
import { nodeRelayCrypto } from '../../../shared/node/relayCrypto.js';
import { HISTORY_CURSOR } from '../../history/pull.js';
import { repullRequest } from '../backfill.js';

export interface ExportedBundle {
  fileName: string;
  bytes: Uint8Array;
  writes: number;
  /** More writes are waiting than this bundle carries: export again after its answer is imported. */
  more: boolean;
}

export interface ExportOptions {
  maxWrites?: number;
  maxWriteBytes?: number;
}

/** The oldest waiting writes whose JSON stays within the byte bound (at least one). */
function boundedWrites(writes: WireWrite[], maxBytes: number): WireWrite[] {
  let bytes = 0;
  for (let i = 0; i < writes.length; i++) {
    bytes += JSON.stringify(writes[i]).length + 1;
    if (bytes > maxBytes && i > 0) return writes.slice(0, i);
  }
  return writes;
}

export async function exportBundle(dev: Device, opts: ExportOptions = {}): Promise<ExportedBundle> {
  if (!isEnrolled(dev.raw)) throw new RelayFileError('not_enrolled');
  const keys = relayKeys(dev.raw);
  await whenIdle(dev.raw);
  const cursor = Number(getMetaRaw(dev.raw, CURSOR_KEY) ?? 0);
  // A device that never finished a catch-up began it at `since` (as pullSome asks).
  const since = Math.min(cursor, Number(getMetaRaw(dev.raw, SINCE_KEY) ?? 0));
  const waiting = waitingChanges(dev.raw).count;
  let writes = boundedWrites(nextBatch(dev.raw, opts.maxWrites ?? RELAY_LIMITS.bundleWrites).writes, opts.maxWriteBytes ?? RELAY_LIMITS.bundleWriteBytes);
  // After an upgrade, what the former version could not hold, as an online sync would re-pull it.
  const repull = repullRequest(dev.raw);
  const id = uuidv7();
  const at = deviceNow(dev.raw) + clockOf(dev.raw).offset;
  for (;;) {
    const payload: BundlePayload = {
      // The same account of itself an online hello gives (changes waiting, oldest, last error) for HQ's console.
      hello: { appVersion: APP_VERSION, schemaVersion: schemaVersion(dev.raw), cursor, protocol: PROTOCOL_VERSION, report: helloReport(dev.raw) },
      writes,
      more: writes.length < waiting,
      pull: { cursor, since, history: Number(getMetaRaw(dev.raw, HISTORY_CURSOR) ?? 0), ...(repull ? { repull } : {}) },
    };
    const bytes = sealRelayFile(nodeRelayCrypto, { kind: 'bundle', id, deviceId: dev.session.deviceId, at, ourPrivate: keys.privateKey, theirPublic: keys.hqPublic, payload });
    // Writes that compress badly could exceed the file limit: carry fewer, the rest go next time.
    if (bytes.length > RELAY_LIMITS.fileBytes && writes.length > 1) {
      writes = writes.slice(0, Math.ceil(writes.length / 2));
      continue;
    }
    const fileName = relayFileName('bundle', dev.session.userName, dev.session.deviceId, new Date());
    setMetaRaw(dev.raw, RELAY_META.lastExport, JSON.stringify({ at: new Date().toISOString(), writes: writes.length, more: payload.more, fileName }));
    return { fileName, bytes, writes: writes.length, more: payload.more };
  }
}
