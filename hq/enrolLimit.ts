// Wrong enrolment codes are counted per network address in the database (so every HQ process
// sees the same count). After too many within the window, that address's wrong codes are answered
// 429 until the window has passed — but a right code is always taken: a county office behind one
// NAT must not be locked out because one colleague mistyped. A code has ~60 bits, so guessing one
// is hopeless whatever the rate; the limit keeps a script's noise short and shows up in the log.
import { HqError } from './errors.js';
import { logEvent } from './log.js';
import { num, type HqStore } from './store.js';

export const ENROL_LIMIT = { failures: 10, windowMs: 15 * 60_000 } as const;

export interface EnrolFrom {
  /** The caller's address as HQ sees it (behind a reverse proxy: configure Fastify's trustProxy). */
  ip: string;
  now?: number;
}

/** The 429 for a wrong code from an address that has used up its wrong codes; null while it has not. */
export async function enrolBlocked(store: HqStore, from: EnrolFrom): Promise<HqError | null> {
  const now = from.now ?? Date.now();
  const r = await store.db
    .selectFrom('hq_enrol_failures')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('first')])
    .where('ip', '=', from.ip)
    .where('at', '>', now - ENROL_LIMIT.windowMs)
    .executeTakeFirstOrThrow();
  if (num(r.n) < ENROL_LIMIT.failures) return null;
  const retryAfterMs = num(r.first) + ENROL_LIMIT.windowMs - now;
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new HqError(429, 'too_many_attempts', `注册码输错次数过多，请 ${minutes} 分钟后再试（正确的注册码不受影响）`,
    `Too many wrong enrolment codes; try again in ${minutes} min (a right code is still accepted)`, { retryAfterMs });
}

/** Counts one wrong code against the address (and forgets attempts older than the window). */
export async function recordEnrolFailure(store: HqStore, from: EnrolFrom): Promise<void> {
  const now = from.now ?? Date.now();
  await store.db.insertInto('hq_enrol_failures').values({ ip: from.ip, at: now }).execute();
  await store.db.deleteFrom('hq_enrol_failures').where('at', '<=', now - ENROL_LIMIT.windowMs).execute();
  const n = await store.db.selectFrom('hq_enrol_failures').select((eb) => eb.fn.countAll().as('n')).where('ip', '=', from.ip).executeTakeFirstOrThrow();
  if (num(n.n) === ENROL_LIMIT.failures) await logEvent(store, 'enrol_blocked', null, { ip: from.ip, failures: ENROL_LIMIT.failures });
}
