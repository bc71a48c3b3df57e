// HQ-side fixtures for tests that call HQ's functions directly: devices enrolled through a real
// code, and writes stamped in a device's name as the device would push them.
import { createEnrolCode, enrol, type Device } from '../../hq/auth.js';
import type { HqStore } from '../../hq/store.js';
import type { Role } from '../../shared/domain/enums.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import type { WireWrite } from '../../shared/sync/protocol.js';

export async function hqDevice(store: HqStore, userName: string, role: Role, scopePath: string): Promise<Device & { secret: string }> {
  const code = await createEnrolCode(store, { userName, role, scopePath });
  const a = await enrol(store, { code, deviceId: uuidv7(), appVersion: '0.1.0', schemaVersion: 'test' });
  return { deviceId: a.deviceId, userName, role, scopePath, lastSeq: 0, secret: a.secret };
}

export const stamp = (deviceId: string, ms: number, counter = 0) => encodeHlc({ ms, counter, node: deviceId });

/** An attachments row naming `sha256`, as a device creates it. */
export function attachmentWrite(d: Device, seq: number, id: string, sha256: string, at = Date.now()): WireWrite {
  const iso = new Date(at).toISOString();
  return {
    s: seq, t: 'attachments', r: id, h: stamp(d.deviceId, at), p: d.scopePath,
    c: { activity_id: uuidv7(), kind: 'photo', sha256, mime: 'image/jpeg', size: 10, file_name: '合影.jpg', thumb_sha256: null, scope_path: d.scopePath, synthetic: 0, created_at: iso, updated_at: iso, deleted: 0 },
  };
}
