// Wrong enrolment codes are counted per network address in the database (so every HQ process
// sees the same count): after too many within the window, that address may not try again until
// the window has passed, even with a right code. A code has ~60 bits, so guessing one is already
// hopeless; this keeps a script from trying, and shows up in the log when someone does.
import { HqError } from './errors.js';
import { logEvent } from './log.js';
import { num, type HqStore } from './store.js';

export const ENROL_LIMIT = { failures: 10, windowMs: 15 * 60_000 } as const;

export interface EnrolFrom {
  /** The caller's address as HQ sees it (behind a reverse proxy: configure Fastify's trustProxy). */
  ip: string;
  now?: number;
}

/** Refuses the attempt (429) while the address has used up its wrong codes. */
export async function checkEnrolAllowed(store: HqStore, from: EnrolFrom): Promise<void> {
  const now = from.now ?? Date.now();
  const r = await store.db
    .selectFrom('hq_enrol_failures')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('at').as('first')])
    .where('ip', '=', from.ip)
    .where('at', '>', now - ENROL_LIMIT.windowMs)
    .executeTakeFirstOrThrow();
  if (num(r.n) < ENROL_LIMIT.failures) return;
  const retryAfterMs = num(r.first) + ENROL_LIMIT.windowMs - now;
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  throw new HqError(429, 'too_many_attempts', `注册码输错次数过多，请 ${minutes} 分钟后再试`, `Too many wrong enrolment codes; try again in ${minutes} min`, { retryAfterMs });
}

/** Counts one wrong code against the address (and forgets attempts older than the window). */
export async function recordEnrolFailure(store: HqStore, from: EnrolFrom): Promise<void> {
  const now = from.now ?? Date.now();
  await store.db.insertInto('hq_enrol_failures').values({ ip: from.ip, at: now }).execute();
  await store.db.deleteFrom('hq_enrol_failures').where('at', '<=', now - ENROL_LIMIT.windowMs).execute();
  const n = await store.db.selectFrom('hq_enrol_failures').select((eb) => eb.fn.countAll().as('n')).where('ip', '=', from.ip).executeTakeFirstOrThrow();
  if (num(n.n) === ENROL_LIMIT.failures) await logEvent(store, 'enrol_blocked', null, { ip: from.ip, failures: ENROL_LIMIT.failures });
}
