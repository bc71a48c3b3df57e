// Carrying another device's bundle to HQ from a device that reaches it (POST /v1/relay), and taking
// the answer file back. This device cannot read either file; it checks only what the clear header
// says (a bundle, not its own) so that an obvious mix-up is caught before anything is sent.
import type { Device } from '../state.js';
import { relayAnswer, relayRevoked, type RelaySummary } from '../../../shared/sync/relay.js';
import { readRelayHeader, RelayFileError } from '../../../shared/sync/relayBox.js';
import { SyncFailure } from '../client.js';
import { clientFor, learnTime, type SessionOptions } from '../session.js';

export interface ForwardResult {
  fileName: string;
  answer: Uint8Array;
  origin: { deviceId: string; userName: string };
  /** Absent when the origin device was revoked (the answer then only tells it to wipe). */
  summary: RelaySummary | null;
}

export async function forwardBundle(dev: Device, file: Uint8Array, opts: SessionOptions = {}): Promise<ForwardResult> {
  const { header } = readRelayHeader(file);
  if (header.k !== 'bundle') throw new RelayFileError('is_answer');
  if (header.d === dev.session.deviceId) throw new RelayFileError('own_bundle');
  const c = clientFor(dev, { timeoutMs: 180_000, ...opts });
  try {
    const a = await c.post('/v1/relay', { bundle: Buffer.from(file).toString('base64') }, relayAnswer);
    learnTime(dev.raw, a.hqTime);
    return { fileName: a.fileName, answer: Buffer.from(a.answer, 'base64'), origin: a.origin, summary: a.summary };
  } catch (e) {
    const revoked = e instanceof SyncFailure && e.code === 'relay_origin_revoked' ? relayRevoked.safeParse(e.detail) : null;
    if (!revoked?.success) throw e;
    return { fileName: revoked.data.fileName, answer: Buffer.from(revoked.data.answer, 'base64'), origin: revoked.data.origin, summary: null };
  }
}
