// HQ's side of relay by file: open a bundle a device wrote while offline, run exactly what an online
// session would (applyPush on its writes — deduplicated by device and sequence number, so a bundle
// handed in twice changes nothing the second time — then pull from its cursor), and seal the answer
// to that device. Used by POST /v1/relay (a carrying device) and `npm run hq -- relay` (a machine
// with HQ's database). Whoever carries the files never sees what is in them.
import { uuidv7 } from '../../shared/core/ids.js';
import { nodeRelayCrypto } from '../../shared/node/relayCrypto.js';
import { Hlc, hlcNode } from '../../shared/sync/hlc.js';
import { LIMITS, PROTOCOL_VERSION, type PullAnswer, type PushAnswerItem, type WireRow } from '../../shared/sync/protocol.js';
import { bundlePayload, RELAY_LIMITS, RELAY_REFUSALS, relayFileName, type AnswerPayload, type RelayRefusal, type RelaySummary } from '../../shared/sync/relay.js';
import { openRelayFile, readRelayHeader, RelayFileError, sealRelayFile } from '../../shared/sync/relayBox.js';
import type { Device } from '../auth.js';
import { HqError } from '../errors.js';
import { withDuesViewer } from '../duesReveal.js';
import { refuseTooOld } from '../versions.js';
import { logEvent } from '../log.js';
import { pull } from '../pull.js';
import { noteAcknowledged } from '../purge.js';
import { applyPush, HQ_NODE } from '../push.js';
import { num, type HqStore } from '../store.js';
import { refuseForgedOrUnordered } from '../writeChecks.js';
import { hqRelayKeys } from './keys.js';
import { saveDeviceReport } from '../console/reports.js';
import { historySince } from '../history/page.js';
import { HISTORY_PAGE } from '../../shared/history/wire.js';

export interface RelayOutcome {
  answer: Uint8Array;
  fileName: string;
  origin: { deviceId: string; userName: string };
  summary: RelaySummary;
}

/** JSON of history entries one answer carries at most (values compress well; the rest come with the next answer or sync). */
const HISTORY_ANSWER_BYTES = 4 * 1024 * 1024;

const STATUS: Partial<Record<RelayRefusal, number>> = { too_large: 413, unknown_device: 404, no_device_key: 409, origin_revoked: 403 };

export function relayRefusal(r: RelayRefusal, extra: Record<string, unknown> = {}): HqError {
  return new HqError(STATUS[r] ?? 400, `relay_${r}`, RELAY_REFUSALS[r].zh, RELAY_REFUSALS[r].en, extra);
}

interface Origin extends Device {
  revoked: boolean;
  publicKey: string | null;
}

/** A row the device gets back whole may hold nothing but its own writes: that is no news to it. */
const newsTo = (deviceId: string) => (r: WireRow) => hlcNode(r.h) !== deviceId || Object.values(r.hx ?? {}).some((h) => hlcNode(h) !== deviceId);

async function origin(store: HqStore, deviceId: string): Promise<Origin | null> {
  const d = await store.db
    .selectFrom('hq_devices as d')
    .leftJoin('hq_device_keys as k', 'k.device_id', 'd.device_id')
    .select(['d.user_name', 'd.role', 'd.scope_path', 'd.revoked_at', 'd.last_seq', 'd.person_id', 'k.public_key'])
    .where('d.device_id', '=', deviceId)
    .executeTakeFirst();
  if (!d) return null;
  // A branch secretary's bundle is answered with their branch's dues amounts, as their online pull would be.
  return withDuesViewer(store, {
    deviceId, userName: d.user_name, role: d.role, scopePath: d.scope_path, lastSeq: num(d.last_seq), personId: d.person_id, revoked: !!d.revoked_at, publicKey: d.public_key,
  });
}

/** Pulls from the bundle's cursor until caught up or the answer holds about `budget` bytes (`tables`: a re-pull after an upgrade, from 0). */
async function pullFor(store: HqStore, d: Device, cursor: number, since: number, tables?: string[], budget: number = RELAY_LIMITS.answerPullBytes): Promise<{ chunks: PullAnswer[]; bytes: number }> {
  const chunks: PullAnswer[] = [];
  let bytes = 0;
  for (;;) {
    const c = await pull(store, d, chunks.at(-1)?.cursor ?? cursor, LIMITS.pullRows, since, tables);
    chunks.push(c);
    bytes += JSON.stringify(c).length;
    if (!c.more || bytes >= budget) return { chunks, bytes };
  }
}

function seal(o: Origin, hqPrivate: string, payload: AnswerPayload, now: number): { answer: Uint8Array; fileName: string; payload: AnswerPayload } {
  // A pull of incompressible text could exceed the file limit: leave trailing chunks for the next
  // bundle, the re-pull's first (it is the least urgent), then the pull's.
  for (;;) {
    const answer = sealRelayFile(nodeRelayCrypto, { kind: 'answer', id: uuidv7(), deviceId: o.deviceId, at: now, ourPrivate: hqPrivate, theirPublic: o.publicKey!, payload });
    const fits = answer.length <= RELAY_LIMITS.fileBytes;
    const r = payload.repull;
    if (!fits && r && r.chunks.length > 1) payload = { ...payload, repull: { ...r, chunks: r.chunks.slice(0, Math.ceil(r.chunks.length / 2)), more: true }, more: true };
    else if (!fits && payload.chunks.length > 1) payload = { ...payload, chunks: payload.chunks.slice(0, Math.ceil(payload.chunks.length / 2)), more: true };
    else return { answer, fileName: relayFileName('answer', o.userName, o.deviceId, new Date(now)), payload };
  }
}

/** Opens a bundle, applies it as the device that wrote it, and returns the sealed answer. Refusals change nothing. */
export async function relayBundle(store: HqStore, file: Uint8Array, opts: { clock?: Hlc; carrier?: string; now?: number } = {}): Promise<RelayOutcome> {
  const now = opts.now ?? Date.now();
  let header;
  try {
    header = readRelayHeader(file).header;
  } catch (e) {
    throw e instanceof RelayFileError ? relayRefusal(e.refusal) : e;
  }
  if (header.k !== 'bundle') throw relayRefusal('is_answer');
  const o = await origin(store, header.d);
  if (!o) throw relayRefusal('unknown_device');
  if (!o.publicKey) throw relayRefusal('no_device_key');
  const keys = await hqRelayKeys(store);
  let raw: unknown;
  try {
    raw = openRelayFile(nodeRelayCrypto, file, keys.privateKey, o.publicKey).payload;
  } catch (e) {
    throw e instanceof RelayFileError ? relayRefusal(e.refusal) : e;
  }
  const parsed = bundlePayload.safeParse(raw);
  if (!parsed.success) throw relayRefusal('tampered');
  const b = parsed.data;
  const who = { deviceId: o.deviceId, userName: o.userName };
  await logEvent(store, 'relay', o.deviceId, { bundle: header.id, carrier: opts.carrier ?? 'cli', writes: b.writes.length, revoked: o.revoked });

  if (o.revoked) {
    const wipe: AnswerPayload = { bundle: header.id, hqTime: now, cursor: b.pull.cursor, answers: [], chunks: [], more: false, wipe: true };
    const sealed = seal(o, keys.privateKey, wipe, now);
    throw relayRefusal('origin_revoked', { answer: Buffer.from(sealed.answer).toString('base64'), fileName: sealed.fileName, origin: who });
  }
  if (b.hello.protocol !== PROTOCOL_VERSION)
    throw new HqError(426, 'protocol', '该同步包由不兼容的应用版本生成，请升级应用', `Protocol ${b.hello.protocol} not supported; upgrade the app`);
  await refuseTooOld(store.db, o.scopePath, b.hello.schemaVersion); // as at hello (hq/versions.ts): nothing of it is taken
  if (b.pull.since > b.pull.cursor) throw relayRefusal('tampered');
  refuseForgedOrUnordered(o.deviceId, b.writes);

  await store.db.updateTable('hq_devices').set({ app_version: b.hello.appVersion }).where('device_id', '=', o.deviceId).execute();
  // What the device says of itself, as an online hello would: the console's device table shows it.
  await saveDeviceReport(store.db, o.deviceId, b.hello.schemaVersion, b.hello.report, header.t);
  // The cursor a bundle names is one its device had stored (the same proof a pull's `since` gives).
  await noteAcknowledged(store, o.deviceId, b.pull.since, now);
  const clock = opts.clock ?? new Hlc(HQ_NODE);
  const answers: PushAnswerItem[] = [];
  // In the batches /v1/push takes: a re-sent bundle finds each batch answered before.
  for (let i = 0; i < b.writes.length; i += LIMITS.writesPerPush)
    answers.push(...(await applyPush(store, clock, o, b.writes.slice(i, i + LIMITS.writesPerPush), { numbered: true, now })));
  const { chunks, bytes: pulled } = await pullFor(store, o, b.pull.cursor, b.pull.since);
  // After the device's upgrade: the tables its former version skipped, whole, in the room the pull left.
  const ask = b.pull.repull;
  const left = RELAY_LIMITS.answerPullBytes - pulled;
  const again = ask && left > 0 ? (await pullFor(store, o, ask.cursor, 0, ask.tables, left)).chunks : [];
  const repull = ask ? { tables: ask.tables, cursor: ask.cursor, chunks: again, more: !again.length || !!again.at(-1)!.more } : undefined;
  // HQ's record history as the device's next online fetch would bring it (an older app's bundle names no history cursor).
  const history = b.pull.history === undefined ? undefined : await historySince(store, o, b.pull.history, HISTORY_ANSWER_BYTES, HISTORY_PAGE);
  const { answer, fileName, payload } = seal(o, keys.privateKey, {
    bundle: header.id, hqTime: Date.now(), cursor: b.pull.cursor, identity: { userName: o.userName, role: o.role, scopePath: o.scopePath },
    answers, chunks, ...(history ? { history } : {}), ...(repull ? { repull } : {}), more: b.more || !!chunks.at(-1)?.more || !!history?.more || !!repull?.more,
  }, now);
  return {
    answer,
    fileName,
    origin: who,
    summary: {
      writes: b.writes.length,
      rejected: answers.filter((a) => Object.values(a.res).includes('r')).length,
      rows: payload.chunks.reduce((n, c) => n + c.rows.filter(newsTo(o.deviceId)).length + c.drops.length, 0),
      conflicts: payload.chunks.reduce((n, c) => n + c.conflicts.length, 0),
      more: payload.more,
    },
  };
}
