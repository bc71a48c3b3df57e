// Enrolment: the device presents a one-time code to HQ and receives its secret, its user, role and
// scope. Only then does it sync. A failure here is read by someone at a county PC with a code in
// hand: each names which of the two things they typed to look at, the address or the code
// (enrolFailureField), and none repeats the sync loop's "will sync once HQ is reachable" — nothing
// syncs before enrolment, so that promise would be false here.
import type Database from 'better-sqlite3';
import { enrolAnswer, type EnrolAnswer } from '../../shared/sync/protocol.js';
import type { Session } from '../context.js';
import { HqClient, normaliseHqUrl, SyncFailure, type FetchLike } from './client.js';
import { APP_VERSION, isEnrolled, learnTime, META, schemaVersion, whenIdle } from './session.js';
import { newRelayKeyPair } from '../../shared/node/relayCrypto.js';
import { ownRelayKey, saveRelayKeys } from './relay/keys.js';
import { getMetaRaw, persistClock, setMetaRaw } from './state.js';
import { keepRefused, predictRefusals } from './enrolKeep.js';
import { recordPerson } from './enrolPerson.js';

/** Codes of enrolment failures the device names itself; HQ's own codes (`bad_code`, `too_many_attempts`, …) pass through. */
export const ENROL_FAILURE = { unreachable: 'hq_unreachable', notHq: 'not_hq', badUrl: 'bad_url' } as const;

/** Which field of the enrol form a failure is about: the address, the code, or neither. */
export function enrolFailureField(code: string): 'hqUrl' | 'code' | null {
  if (code === ENROL_FAILURE.unreachable || code === ENROL_FAILURE.notHq || code === ENROL_FAILURE.badUrl) return 'hqUrl';
  if (code === 'bad_code' || code === 'too_many_attempts') return 'code';
  return null;
}

function enrolFailure(e: SyncFailure, url: string): SyncFailure {
  if (e.kind === 'offline')
    return new SyncFailure('offline',
      `无法连接总部服务器 ${url}：网络不通、地址有误或服务器没有开启。请核对地址、检查网络后重试`,
      `Could not reach the HQ server at ${url}: no network, a wrong address, or the server is not running. Check the address and the network, then try again`,
      0, ENROL_FAILURE.unreachable);
  // Something answered, but not as HQ does: most often a web page or another service on that port.
  if (e.kind === 'protocol')
    return new SyncFailure('protocol',
      `${url} 的应答无法识别（HTTP ${e.status}）：这可能不是红色渠道总部服务器的地址，或双方版本不一致。请核对地址和端口`,
      `The answer from ${url} could not be read (HTTP ${e.status}): this may not be a Red Channel HQ server, or the versions differ. Check the address and port`,
      e.status, ENROL_FAILURE.notHq);
  return e;
}

export async function enrolDevice(
  dev: { raw: Database.Database; session: Session },
  hqUrl: string,
  code: string,
  /** review: hold the answer while pre-enrolment work would be refused (the 同步 screen's enrolment). */
  opts: { fetch?: FetchLike; deviceName?: string; review?: boolean } = {},
): Promise<EnrolAnswer> {
  if (isEnrolled(dev.raw)) throw new SyncFailure('refused', '本机已注册到总部，无需重复注册', 'This device is already enrolled');
  if (heldEnrolment(dev.raw)) throw new SyncFailure('refused', '总部已答复本机的注册，请先确认并完成注册', 'HQ has answered this enrolment: review it and finish it first');
  let url: URL;
  try {
    url = new URL(normaliseHqUrl(hqUrl));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new SyncFailure('refused', '总部服务器地址格式不正确（例如 https://hq.example.cn）', 'Malformed HQ address', 0, ENROL_FAILURE.badUrl);
  }
  const shown = normaliseHqUrl(url.toString());
  const c = new HqClient({ url: url.toString(), hqNow: Date.now, fetch: opts.fetch });
  const relayKey = ownRelayKey(dev.raw) ?? newRelayKeyPair(); // kept only once HQ has it
  let a: EnrolAnswer;
  try {
    a = await c.post(
      '/v1/enrol',
      { code: code.trim(), deviceId: dev.session.deviceId, deviceName: opts.deviceName, appVersion: APP_VERSION, schemaVersion: schemaVersion(dev.raw), relayKey: relayKey.publicKey },
      enrolAnswer,
    );
  } catch (e) {
    throw e instanceof SyncFailure ? enrolFailure(e, shown) : e;
  }
  learnTime(dev.raw, a.hqTime);
  await whenIdle(dev.raw);
  const held: HeldEnrolment = { url: normaliseHqUrl(url.toString()), answer: a, relayKey };
  // Work typed before enrolment that this role and scope would refuse: the answer waits until the
  // user has seen it (sync.enrolReview / sync.enrolFinish, enrolHandlers.ts); nothing syncs meanwhile.
  if (opts.review && predictRefusals(dev.raw, a.role, a.scopePath).length) setMetaRaw(dev.raw, PENDING, JSON.stringify(held));
  else completeEnrolment(dev, held, new Date());
  return a;
}

/** HQ's answer held for the user's review (in the encrypted store's meta, like the secret it holds). */
export const PENDING = 'sync_enrol_pending';

export interface HeldEnrolment {
  url: string;
  answer: EnrolAnswer;
  relayKey: { privateKey: string; publicKey: string };
}

export function heldEnrolment(raw: Database.Database): HeldEnrolment | null {
  const v = getMetaRaw(raw, PENDING);
  return v ? (JSON.parse(v) as HeldEnrolment) : null;
}

/**
 * Makes the device what HQ said. `keep`: after a review, what that identity would refuse stays on the
 * device; without one (tools, the API's plain enrolment) it is pushed and HQ's refusals are recorded.
 */
export function completeEnrolment(dev: { raw: Database.Database; session: Session }, h: HeldEnrolment, now: Date, keep = false): number {
  const a = h.answer;
  let kept = 0;
  dev.raw.transaction(() => {
    if (keep) kept = keepRefused(dev.raw, predictRefusals(dev.raw, a.role, a.scopePath), now);
    setMetaRaw(dev.raw, META.url, h.url);
    setMetaRaw(dev.raw, META.secret, a.secret);
    setMetaRaw(dev.raw, META.enrolledAt, now.toISOString());
    setMetaRaw(dev.raw, 'role', a.role);
    setMetaRaw(dev.raw, 'user_name', a.userName);
    setMetaRaw(dev.raw, 'scope_path', a.scopePath);
    recordPerson(dev.raw, a.personId);
    setMetaRaw(dev.raw, 'sync_cursor', '0');
    setMetaRaw(dev.raw, 'sync_pull_since', '0');
    saveRelayKeys(dev.raw, h.relayKey, a.hqRelayKey);
    persistClock(dev.raw);
    dev.raw.prepare('DELETE FROM meta WHERE key = ?').run(PENDING);
  })();
  Object.assign(dev.session, { role: a.role, userName: a.userName, scopePath: a.scopePath });
  return kept;
}
