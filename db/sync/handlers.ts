import type { syncContract } from '../../shared/sync/contract.js';
import { ApiError } from '../../shared/core/errors.js';
import { nowIso, type ApiContext } from '../context.js';
import { SyncFailure } from './client.js';
import { engineFor, type SyncEngine } from './engine.js';
import { enrolDevice, enrolFailureField } from './enrol.js';
import { dismiss, listConflicts, listRejections, reapply, syncStatus } from './records.js';
import { relayHandlers } from './relay/handlers.js';
import { enrolKeepHandlers } from './enrolHandlers.js';
import type { HandlerMap } from '../api/types.js';

function engine(ctx: ApiContext): SyncEngine {
  const e = engineFor(ctx.session);
  if (!e) throw new ApiError('internal', '同步服务未启动', 'Sync is not running in this process');
  return e;
}

const status = (ctx: ApiContext) => {
  const e = engine(ctx);
  return syncStatus(e.raw, ctx.session, e);
};

const FIELD_NOTE = {
  hqUrl: { zh: '请核对总部服务器地址', en: 'Check the HQ address' },
  code: { zh: '请核对注册码', en: 'Check the enrolment code' },
} as const;

export const syncHandlers: HandlerMap<keyof typeof syncContract> = {
  'sync.status': async (ctx) => status(ctx),
  'sync.enrol': async (ctx, { hqUrl, code, deviceName, review }) => {
    const e = engine(ctx);
    try {
      await enrolDevice(e.dev, hqUrl, code, { deviceName, review });
    } catch (err) {
      if (!(err instanceof SyncFailure)) throw err;
      // The field the failure is about carries a short note, so the form marks the address or the code.
      const field = enrolFailureField(err.code);
      const issues = field ? [{ path: field, message: FIELD_NOTE[field].zh, messageEn: FIELD_NOTE[field].en }] : [];
      throw new ApiError('validation', `注册失败：${err.zh}`, `Enrolment failed: ${err.en}`, issues);
    }
    await e.syncNow().catch(() => {}); // first sync right away; its outcome shows in the status
    return status(ctx);
  },
  'sync.now': async (ctx) => {
    const e = engine(ctx);
    if (!syncStatus(e.raw, ctx.session, e).enrolled) throw new ApiError('validation', '本机尚未注册到总部，请先注册', 'Enrol this device first');
    await e.syncNow().catch(() => {});
    return status(ctx);
  },
  'sync.conflicts': async (ctx, f) => listConflicts(ctx.db, engine(ctx).raw, ctx.session, f),
  'sync.rejections': async (ctx, f) => listRejections(ctx.db, engine(ctx).raw, f),
  'sync.reapply': async (ctx, { kind, id }) => {
    await reapply(ctx.db, engine(ctx).raw, kind, id, nowIso(ctx));
    return { ok: true };
  },
  'sync.dismiss': async (ctx, { kind, id }) => {
    await dismiss(ctx.db, kind, id, nowIso(ctx));
    return { ok: true };
  },
  ...relayHandlers(engine),
  ...enrolKeepHandlers(engine),
};
