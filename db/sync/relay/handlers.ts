// The 同步 screen's relay-by-file operations: export a bundle, import an answer, forward another
// device's bundle. Files cross the contract as base64, as the roster import and export do.
import type { syncContract } from '../../../shared/sync/contract.js';
import { ApiError } from '../../../shared/core/errors.js';
import { RELAY_REFUSALS } from '../../../shared/sync/relay.js';
import { RelayFileError } from '../../../shared/sync/relayBox.js';
import type { ApiContext } from '../../context.js';
import { SyncFailure } from '../client.js';
import type { SyncEngine } from '../engine.js';
import { exportBundle } from './export.js';
import { forwardBundle } from './forward.js';
import { importAnswer } from './import.js';
import type { HandlerMap } from '../../api/types.js';

const MIME = 'application/octet-stream';

/** Refusals become validation errors with the reason in both languages; nothing was written. */
async function plainly<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RelayFileError) throw new ApiError('validation', RELAY_REFUSALS[e.refusal].zh, RELAY_REFUSALS[e.refusal].en);
    if (e instanceof SyncFailure) throw new ApiError('validation', e.zh, e.en);
    throw e;
  }
}

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

type RelayOps = 'sync.relayExport' | 'sync.relayImport' | 'sync.relayForward';

export function relayHandlers(engine: (ctx: ApiContext) => SyncEngine): HandlerMap<RelayOps & keyof typeof syncContract> {
  return {
    'sync.relayExport': async (ctx) =>
      plainly(async () => {
        const e = engine(ctx);
        const b = await e.exclusive(() => exportBundle(e.dev));
        return { file: { fileName: b.fileName, mime: MIME, base64: Buffer.from(b.bytes).toString('base64') }, writes: b.writes, more: b.more };
      }),
    'sync.relayImport': async (ctx, { file }) => {
      const e = engine(ctx);
      const r = await plainly(() => e.exclusive(() => importAnswer(e.dev, bytesOf(file.base64))));
      if (r.outcome === 'wiped') {
        // As when an online sync is told so: the screen shows the device revoked and wiped.
        e.connection = 'revoked';
        e.lastError = { message: RELAY_REFUSALS.origin_revoked.zh, messageEn: RELAY_REFUSALS.origin_revoked.en, at: new Date().toISOString() };
        e.nextAttemptAt = null;
      }
      return r;
    },
    'sync.relayForward': async (ctx, { file }) =>
      plainly(async () => {
        const r = await forwardBundle(engine(ctx).dev, bytesOf(file.base64));
        const s = r.summary;
        return {
          file: { fileName: r.fileName, mime: MIME, base64: Buffer.from(r.answer).toString('base64') },
          originUser: r.origin.userName,
          revoked: !s,
          writes: s?.writes ?? 0,
          rejected: s?.rejected ?? 0,
          rows: s?.rows ?? 0,
          conflicts: s?.conflicts ?? 0,
          more: s?.more ?? false,
        };
      }),
  };
}
