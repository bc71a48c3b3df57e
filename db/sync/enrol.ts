// Enrolment: the device presents a one-time code to HQ and receives its secret, its user, role and
// scope. Only then does it sync.
import type Database from 'better-sqlite3';
import { enrolAnswer, type EnrolAnswer } from '../../shared/sync/protocol.js';
import type { Session } from '../context.js';
import { HqClient, normaliseHqUrl, SyncFailure, type FetchLike } from './client.js';
import { APP_VERSION, isEnrolled, learnTime, META, schemaVersion, whenIdle } from './session.js';
import { newRelayKeyPair } from '../../shared/node/relayCrypto.js';
import { ownRelayKey, saveRelayKeys } from './relay/keys.js';
import { persistClock, setMetaRaw } from './state.js';

export async function enrolDevice(
  dev: { raw: Database.Database; session: Session },
  hqUrl: string,
  code: string,
  opts: { fetch?: FetchLike; deviceName?: string } = {},
): Promise<EnrolAnswer> {
  if (isEnrolled(dev.raw)) throw new SyncFailure('refused', '本机已注册到总部，无需重复注册', 'This device is already enrolled');
  let url: URL;
  try {
    url = new URL(normaliseHqUrl(hqUrl));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new SyncFailure('refused', '总部服务器地址格式不正确（例如 https://hq.example.cn）', 'Malformed HQ address');
  }
  const c = new HqClient({ url: url.toString(), hqNow: Date.now, fetch: opts.fetch });
  const relayKey = ownRelayKey(dev.raw) ?? newRelayKeyPair(); // kept only once HQ has it
  const a = await c.post(
    '/v1/enrol',
    { code: code.trim(), deviceId: dev.session.deviceId, deviceName: opts.deviceName, appVersion: APP_VERSION, schemaVersion: schemaVersion(dev.raw), relayKey: relayKey.publicKey },
    enrolAnswer,
  );
  learnTime(dev.raw, a.hqTime);
  await whenIdle(dev.raw);
  dev.raw.transaction(() => {
    setMetaRaw(dev.raw, META.url, normaliseHqUrl(url.toString()));
    setMetaRaw(dev.raw, META.secret, a.secret);
    setMetaRaw(dev.raw, META.enrolledAt, new Date().toISOString());
    setMetaRaw(dev.raw, 'role', a.role);
    setMetaRaw(dev.raw, 'user_name', a.userName);
    setMetaRaw(dev.raw, 'scope_path', a.scopePath);
    setMetaRaw(dev.raw, 'sync_cursor', '0');
    setMetaRaw(dev.raw, 'sync_pull_since', '0');
    saveRelayKeys(dev.raw, relayKey, a.hqRelayKey);
    persistClock(dev.raw);
  })();
  Object.assign(dev.session, { role: a.role, userName: a.userName, scopePath: a.scopePath });
  return a;
}
