// Enrolment and request authentication. HQ keeps only SHA-256 hashes of enrolment codes and
// device secrets, and the public halves of the devices' signing keys: a copy of HQ's database lets
// nobody act as a device. Requests are signed (shared/node/requestSign.ts): the secret travels once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../shared/domain/enums.js';
import { LIMITS, type EnrolAnswer, type EnrolRequest } from '../shared/sync/protocol.js';
import { SIGNED_SCHEME, signingPublicKey, verifyRequest } from '../shared/node/requestSign.js';
import { personInScope, withDuesViewer } from './duesReveal.js';
import { enrolBlocked, recordEnrolFailure, type EnrolFrom } from './enrolLimit.js';
import { HqError } from './errors.js';
import { claimRequest, knownSignKey, rememberSignKey } from './knownKeys.js';
import { logEvent } from './log.js';
import { hqRelayKeys, saveDeviceKey } from './relay/keys.js';
import { num, type HqStore } from './store.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Device {
  deviceId: string;
  userName: string;
  role: Role;
  scopePath: string;
  lastSeq: number;
  /** The registry person the user is (named by the enrolment code), and what the redaction of its pulls needs (shared/sync/privacy.ts DuesViewer). */
  personId?: string | null;
  secretaryOf?: readonly string[];
  duesPersons?: ReadonlySet<string>;
  /** The newest version among HQ's `settings` rows when the request arrived: hq/settings.ts reads them again only when it moves. */
  settingsVersion?: number;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read over the phone
const normaliseCode = (c: string) => c.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** How HQ finds a code: the hash of its normalised text (the text itself is never kept). */
export const codeHash = (c: string) => sha256(normaliseCode(c));

const personRefused = (code: 'person_out_of_scope' | 'person_not_on_code') =>
  code === 'person_out_of_scope'
    ? new HqError(403, code, '所指定的人员不在该注册码的范围内（或已不在人员库中），已拒绝，未作任何登记', 'The person named is not within the enrolment code\'s scope (or no longer in the registry); refused, nothing recorded')
    : new HqError(403, code, '注册码没有指定该人员：设备不能自行指定使用人，已拒绝，未作任何登记', 'The enrolment code does not name this person: a device cannot name its user itself; refused, nothing recorded');

/**
 * A one-time enrolment code for one user, role and scope (12 characters, ~60 bits). `personId`: the
 * registry person the user is, within the scope; their branch's dues amounts follow from it while
 * they are its secretary (hq/duesReveal.ts).
 */
export async function createEnrolCode(store: HqStore, who: { userName: string; role: Role; scopePath: string; ttlDays?: number; personId?: string | null }): Promise<string> {
  if (who.personId && !(await personInScope(store, who.personId, who.scopePath))) throw personRefused('person_out_of_scope');
  const bytes = randomBytes(12);
  const raw = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
  const expires = Date.now() + (who.ttlDays ?? 7) * 86_400_000;
  await store.db
    .insertInto('hq_enrol_codes')
    .values({ code_hash: sha256(normaliseCode(code)), user_name: who.userName, role: who.role, scope_path: who.scopePath, created_at: new Date().toISOString(), expires_at: expires, person_id: who.personId ?? null })
    .execute();
  await logEvent(store, 'enrol_code', null, { userName: who.userName, role: who.role, scopePath: who.scopePath, personId: who.personId ?? null });
  return code;
}

export async function enrol(store: HqStore, req: EnrolRequest, from: EnrolFrom = { ip: 'local' }): Promise<EnrolAnswer> {
  try {
    return await takeCode(store, req, from.now ?? Date.now());
  } catch (e) {
    if (!(e instanceof HqError) || e.code !== 'bad_code') throw e;
    // Only a wrong code counts, and only a wrong code is refused for the address's earlier mistakes.
    const blocked = await enrolBlocked(store, from);
    await recordEnrolFailure(store, from);
    throw blocked ?? e;
  }
}

async function takeCode(store: HqStore, req: EnrolRequest, at: number): Promise<EnrolAnswer> {
  const hash = sha256(normaliseCode(req.code));
  const secret = randomBytes(32).toString('base64url');
  const now = new Date(at).toISOString();
  const hqRelayKey = (await hqRelayKeys(store)).publicKey; // read before the transaction holds the connection
  await checkPerson(store, hash, req.personId);
  return store.db.transaction().execute(async (trx) => {
    // Taking the code and creating the device happen together or not at all; the WHERE makes the
    // code single-use even when two devices race with it.
    const code = await trx
      .updateTable('hq_enrol_codes')
      .set({ used_at: now, used_by: req.deviceId })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning(['user_name', 'role', 'scope_path', 'person_id'])
      .executeTakeFirst();
    if (!code) throw new HqError(410, 'bad_code', '注册码无效、已过期或已被使用，请向管理员重新申请', 'The enrolment code is unknown, expired or already used');
    const clash = await trx.selectFrom('hq_devices').select('device_id').where('device_id', '=', req.deviceId).executeTakeFirst();
    if (clash) throw new HqError(409, 'device_exists', '该设备已注册过，请清除本机数据后重新注册', 'This device is already enrolled');
    await trx
      .insertInto('hq_devices')
      .values({
        device_id: req.deviceId, secret_hash: sha256(secret), user_name: code.user_name, role: code.role, scope_path: code.scope_path,
        name: req.deviceName ?? null, app_version: req.appVersion, enrolled_at: now, person_id: code.person_id,
      })
      .execute();
    if (req.relayKey) await saveDeviceKey(trx, req.deviceId, req.relayKey, new Date(at));
    // The secret is sent this once; every later request is signed with a key it seeds, whose public half HQ keeps.
    await trx.insertInto('hq_sign_keys').values({ device_id: req.deviceId, public_key: signingPublicKey(secret), at: now }).execute();
    return { deviceId: req.deviceId, secret, userName: code.user_name, role: code.role, scopePath: code.scope_path, hqTime: Date.now(), hqRelayKey, ...(code.person_id ? { personId: code.person_id } : {}) };
  });
}

/**
 * Only the code names the user's person; a request naming another (or one where the code names
 * none) is forged or mistaken, and the code's own person must still be in the registry within its
 * scope. Refused before anything is written: the code stays usable. An unknown code is left to the
 * transaction, which refuses it and counts it against the address.
 */
async function checkPerson(store: HqStore, hash: string, asked: string | undefined): Promise<void> {
  const code = await store.db.selectFrom('hq_enrol_codes').select(['scope_path', 'person_id']).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  if (!code) return;
  if (asked !== undefined && asked !== code.person_id) throw personRefused((await personInScope(store, asked, code.scope_path)) ? 'person_not_on_code' : 'person_out_of_scope');
  if (code.person_id && !(await personInScope(store, code.person_id, code.scope_path))) throw personRefused('person_out_of_scope');
}

export interface RequestAuth {
  deviceId: string | undefined;
  authorization: string | undefined;
  nonce: string | undefined;
  time: string | undefined;
  /** What the signature covers besides the headers: the request line and the body as received (still compressed, if it was). */
  method: string;
  path: string;
  body: string | Uint8Array;
  /** The body's Content-Encoding, signed with it. */
  encoding?: string;
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Records the request's nonce (false: already used, a replay) and, with it, when the device was last
 * seen. On PostgreSQL one statement does both (a round trip is most of what a write costs there).
 */
async function takeNonce(store: HqStore, deviceId: string, nonce: string, now: number): Promise<boolean> {
  const seen = new Date(now).toISOString();
  if (store.dialect === 'pg') {
    const r = await sql<{ fresh: string | number }>`WITH n AS (INSERT INTO hq_nonces (device_id, nonce, at) VALUES (${deviceId}, ${nonce}, ${now}) ON CONFLICT DO NOTHING RETURNING 1),
      u AS (UPDATE hq_devices SET last_seen_at = ${seen} WHERE device_id = ${deviceId} AND EXISTS (SELECT 1 FROM n) RETURNING 1)
      SELECT (SELECT count(*) FROM n) AS fresh`.execute(store.db);
    return Number(r.rows[0]?.fresh ?? 0) > 0;
  }
  const fresh = await store.db.insertInto('hq_nonces').values({ device_id: deviceId, nonce, at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  if (Number(fresh.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await store.db.updateTable('hq_devices').set({ last_seen_at: seen }).where('device_id', '=', deviceId).execute();
  return true;
}

/** When each store's old nonces were last swept by this process. */
const lastSweep = new WeakMap<HqStore, number>();
const SWEEP_EVERY_MS = 60_000;

/** Checks who is calling; refuses unknown, forged, revoked, stale and replayed requests. */
export async function authenticate(store: HqStore, a: RequestAuth): Promise<Device> {
  const bad = (code: string, zh: string, en: string, status = 401, extra: Record<string, unknown> = {}) => new HqError(status, code, zh, en, extra);
  const signed = a.authorization?.startsWith(`${SIGNED_SCHEME} `);
  const bearer = a.authorization?.startsWith('Bearer ');
  if (!a.deviceId || !a.authorization || !(signed || bearer) || !a.nonce || !a.time)
    throw bad('unauthenticated', '请求缺少设备凭据', 'Missing device credentials');
  if (!/^[0-9A-Za-z-]{8,64}$/.test(a.deviceId) || !/^[0-9A-Za-z_-]{16,64}$/.test(a.nonce)) throw bad('malformed_auth', '设备凭据格式不正确', 'Malformed credentials', 400);
  const badSignature = () => bad('bad_signature', '请求签名无效（请求在途中被改动，或设备凭据不符），已拒绝', 'Bad request signature: the request was altered or the credentials do not match');
  const revoked = () => bad('revoked', '此设备已被总部停用，本机数据将被清除', 'This device has been revoked; wipe its store', 403, { wipe: true });
  const replayed = () => bad('replayed', '重复的请求已被拒绝', 'Replayed request refused', 409);
  const checkTime = (now: number) => {
    const t = Number(a.time);
    if (!Number.isFinite(t) || Math.abs(t - now) > LIMITS.requestSkewMs)
      throw bad('stale_request', '请求时间与总部相差过大（请检查本机时钟），已自动校准后重试', 'Request time too far from HQ time', 401, { hqTime: now });
  };
  // A nonce is good once; the time window bounds how long they must be remembered. Swept at most once
  // a minute per process (at random, 1 request in 100 paid a statement more, and a test counting them failed).
  const sweepNonces = async (now: number) => {
    const last = lastSweep.get(store);
    if (last === undefined) lastSweep.set(store, now);
    if (last === undefined || now - last < SWEEP_EVERY_MS) return;
    lastSweep.set(store, now);
    await store.db.deleteFrom('hq_nonces').where('at', '<', now - 2 * LIMITS.requestSkewMs).execute();
  };
  const signedParts = () => ({ method: a.method, path: a.path, body: a.body, encoding: a.encoding, deviceId: a.deviceId!, nonce: a.nonce!, time: a.time! });
  const signature = a.authorization.slice(SIGNED_SCHEME.length + 1);
  const device = (d: { user_name: string; role: Role; scope_path: string; last_seq: number | string; person_id: string | null; settings_version: number | string | null }) =>
    // Read at each request, never stored: a change of secretary takes effect at the device's next pull.
    withDuesViewer(store, { deviceId: a.deviceId!, userName: d.user_name, role: d.role, scopePath: d.scope_path, lastSeq: num(d.last_seq), personId: d.person_id, settingsVersion: num(d.settings_version ?? 0) });

  // A device whose key this process has read: the signature first, then one statement (hq/knownKeys.ts).
  const known = signed ? knownSignKey(store, a.deviceId) : undefined;
  if (known !== undefined) {
    if (!verifyRequest(known, signedParts(), signature)) throw badSignature();
    const now = Date.now();
    checkTime(now);
    const d = await claimRequest(store, a.deviceId, a.nonce, now);
    if (!d) throw bad('bad_credentials', '设备凭据无效，请重新注册', 'Unknown device or wrong secret');
    if (d.revoked_at) throw revoked();
    if (!num(d.fresh)) throw replayed();
    await sweepNonces(now);
    return device(d);
  }

  // The device and its signing key in one round trip.
  const d = await store.db
    .selectFrom('hq_devices as d')
    .leftJoin('hq_sign_keys as k', 'k.device_id', 'd.device_id')
    .select(['d.secret_hash', 'd.user_name', 'd.role', 'd.scope_path', 'd.revoked_at', 'd.last_seq', 'd.person_id', 'k.public_key'])
    // `version + 0`: with max(version) PostgreSQL may walk the version index backwards through every row looking for a settings one.
    .select(sql<number | string | null>`(SELECT max(version + 0) FROM hq_rows WHERE tbl = 'settings')`.as('settings_version'))
    .where('d.device_id', '=', a.deviceId)
    .executeTakeFirst();
  if (!d) throw bad('bad_credentials', '设备凭据无效，请重新注册', 'Unknown device or wrong secret');
  const key = d.public_key === null ? undefined : { public_key: d.public_key };
  let register: string | null = null;
  if (signed) {
    if (!key) throw bad('sign_key_unknown', '总部尚未登记本设备的签名密钥（注册早于请求签名），将用原凭据登记一次', 'HQ has no signing key for this device yet');
    if (!verifyRequest(key.public_key, signedParts(), signature)) throw badSignature();
  } else {
    // A device enrolled before requests were signed sends its secret once more; from then on only signatures count.
    if (key) throw bad('signature_required', '本设备的请求必须签名，明文凭据不再接受', 'This device must sign its requests; a bare secret is refused');
    const secret = a.authorization.slice(7);
    if (!sameHash(d.secret_hash, sha256(secret))) throw bad('bad_credentials', '设备凭据无效，请重新注册', 'Unknown device or wrong secret');
    register = signingPublicKey(secret);
  }
  if (d.revoked_at) throw revoked();
  const now = Date.now();
  checkTime(now);
  if (!(await takeNonce(store, a.deviceId, a.nonce, now))) throw replayed();
  if (register) await store.db.insertInto('hq_sign_keys').values({ device_id: a.deviceId, public_key: register, at: new Date(now).toISOString() }).onConflict((oc) => oc.doNothing()).execute();
  if (key) rememberSignKey(store, a.deviceId, key.public_key);
  await sweepNonces(now);
  return device(d);
}

export async function revokeDevice(store: HqStore, deviceId: string): Promise<boolean> {
  const r = await store.db.updateTable('hq_devices').set({ revoked_at: new Date().toISOString() }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
  const done = Number(r.numUpdatedRows) > 0;
  if (done) await logEvent(store, 'revoke', deviceId, {});
  return done;
}
