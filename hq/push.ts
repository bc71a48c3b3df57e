// One push, one transaction: deduplicate on (device, seq), refuse gaps and reused numbers,
// merge the new writes, take versions from the global counter (whose row lock serialises all
// pushes so that versions commit in order), store every answer, and answer per write.
import { sql, type Transaction } from 'kysely';
import { hlcMs, hlcNode, type Hlc } from '../shared/sync/hlc.js';
import { resultsOf, type CellValue, type PushAnswerItem, type PushWireAnswerItem, type WireWrite } from '../shared/sync/protocol.js';
import { redactFor } from '../shared/sync/privacy.js';
import { isVisible } from '../shared/sync/tables.js';
import { HqError } from './errors.js';
import { logEvent } from './log.js';
import { mergeWrite, type Actor, type Restamp, type StoredAnswer } from './merge.js';
import { insertMany, placeOf, RowSet, type RowState } from './rowset.js';
import { charge } from './quota.js';
import { recordPushHistory, readChainHead, type ChainHead } from './history/record.js';
import { conflictWriterNames } from './history/conflictWriters.js';
import { hqSyncSettings } from './settings.js';
import { STAMPS_APART_KEY } from './stampsApart.js';
import { holdInserts, releaseHeld } from './heldInserts.js';
import { pushGate } from './pushGate.js';
import type { HqDB } from './schema.js';
import { num, type HqStore } from './store.js';

import { HQ_NODE } from './merge.js';
export { HQ_NODE };

async function userNames(trx: Transaction<HqDB>, nodes: Set<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>([[HQ_NODE, '总部']]);
  const ids = [...nodes].filter((n) => !out.has(n));
  if (ids.length) {
    const r = await trx.selectFrom('hq_devices').select(['device_id', 'user_name']).where('device_id', 'in', ids).execute();
    for (const d of r) out.set(d.device_id, d.user_name);
  }
  return out;
}

/** The values a device must fall back to: rejected cells, and re-stamped cells HQ now holds newer. */
function withCurrent(a: StoredAnswer, s: RowState, actor: Actor): Omit<PushAnswerItem, 's'> {
  const rejected = Object.values(a.res).includes('r');
  if (!rejected && !a.h) return a;
  const out: Omit<PushAnswerItem, 's'> = { ...a };
  const visible = s.exists || s.changed.size ? s.scope !== null && isVisible(s.tbl, s.scope, actor.scopePath) : false;
  if (!visible) {
    if (rejected) out.gone = true;
    return out;
  }
  const cur: Record<string, [CellValue, string]> = {};
  for (const [col, r] of Object.entries(a.res)) {
    const c = s.cells[col];
    if (c && (r === 'r' || c[1] !== a.h)) cur[col] = [redactFor(actor.role, s.tbl, col, c[0]), c[1]];
  }
  if (Object.keys(cur).length) out.cur = cur;
  delete out.gone;
  return out;
}

/**
 * The stored answer of a write, for a re-sent batch. Most writes are applied whole and nothing else
 * is said: those are kept as 'a' rather than a column-by-column object (~7% of the bytes a push wrote).
 */
const ALL_APPLIED = 'a';
export function packAnswer(a: StoredAnswer): string {
  return a.reason || a.h || Object.values(a.res).some((r) => r !== 'a') ? JSON.stringify(a) : ALL_APPLIED;
}
export function unpackAnswer(text: string, w: WireWrite): StoredAnswer {
  return text === ALL_APPLIED ? { res: resultsOf({ s: w.s }, w.c) } : (JSON.parse(text) as StoredAnswer);
}

/**
 * Answers for a device that takes them brief (HEADERS.accepts): a write whose every column was applied,
 * with nothing more to say, is answered with its number alone (PushWireAnswerItem).
 */
export function briefAnswers(writes: WireWrite[], answers: PushAnswerItem[]): PushWireAnswerItem[] {
  return answers.map((a, i) => {
    if (a.h || a.reason || a.cur || a.gone !== undefined) return a;
    let n = 0;
    for (const c in a.res) {
      if (a.res[c] !== 'a') return a;
      n++;
    }
    return n === Object.keys(writes[i]!.c).length ? { s: a.s } : a;
  });
}

/**
 * Takes the writer lock, which serialises every push so that versions commit in order, and reads HQ's
 * version, the history chain's last link (kept on the same row, so read after any wait for the lock)
 * and whether rows are written with their stamps apart (hq/stampsApart.ts), in one statement.
 */
async function takeWriterLock(trx: Transaction<HqDB>): Promise<{ version: number; apart: boolean; head?: ChainHead }> {
  const r = await sql<{ version: number | string; apart: number | string; history_seq: number | string | null; history_hash: string | null }>`UPDATE hq_counter SET version = version WHERE id = 1
    RETURNING version, history_seq, history_hash, (SELECT count(*) FROM hq_meta WHERE key = ${STAMPS_APART_KEY}) AS apart`.execute(trx);
  const x = r.rows[0]!;
  return { version: num(x.version), apart: num(x.apart) > 0, head: x.history_seq === null || x.history_hash === null ? undefined : { seq: num(x.history_seq), hash: x.history_hash } };
}

/** What the push leaves changed: the device's last sequence number, HQ's version, the history chain's last link. */
interface Settled {
  lastSeq?: number;
  version?: number;
  head?: ChainHead;
}

/** Stores `Settled`; on PostgreSQL in one statement with the push's held inserts. */
async function settle(trx: Transaction<HqDB>, pg: boolean, deviceId: string, s: Settled): Promise<void> {
  const counter = { ...(s.version !== undefined ? { version: s.version } : {}), ...(s.head ? { history_seq: s.head.seq, history_hash: s.head.hash } : {}) };
  if (pg) {
    await releaseHeld(trx, (param) => ({
      ctes: s.lastSeq !== undefined ? [`UPDATE hq_devices SET last_seq = ${param(s.lastSeq)} WHERE device_id = ${param(deviceId)}`] : [],
      main: Object.keys(counter).length ? `UPDATE hq_counter SET ${Object.entries(counter).map(([k, v]) => `${k} = ${param(v)}`).join(', ')} WHERE id = 1` : undefined,
    }));
    return;
  }
  if (s.lastSeq !== undefined) await trx.updateTable('hq_devices').set({ last_seq: s.lastSeq }).where('device_id', '=', deviceId).execute();
  if (Object.keys(counter).length) await trx.updateTable('hq_counter').set(counter).where('id', '=', 1).execute();
}

/**
 * A push that failed on a key another push took first, to be applied again reading everything under the
 * writer lock: a row created meanwhile (its rows were read before the lock, on PostgreSQL), or a history
 * entry number written by an HQ process of an earlier version, which leaves the counter's link behind.
 */
function clashed(e: unknown): boolean {
  const x = e as { code?: string; constraint?: string; message?: string };
  return (x.code === '23505' && (x.constraint === 'hq_rows_pkey' || x.constraint === 'hq_history_pkey'))
    || (x.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && /hq_history\.seq/.test(x.message ?? ''));
}

export interface PushOptions {
  /** Device pushes are numbered; HQ's own writes (reference data from the CLI) are not. */
  numbered: boolean;
  now?: number;
  /** The length of the request's JSON, when the writes came whole in one: charged as it is when every write is new. */
  sentLength?: number;
}

export async function applyPush(store: HqStore, clock: Hlc, actor: Actor, writes: WireWrite[], opts: PushOptions = { numbered: true }): Promise<PushAnswerItem[]> {
  const now = opts.now ?? Date.now();
  const restamps: Restamp[] = [];
  const settings = await hqSyncSettings(store.db, actor.scopePath, actor.settingsVersion);
  const toleranceMs = settings.clockToleranceSeconds * 1000;
  // PostgreSQL: the device's own row is locked first (its pushes one at a time), and the writer lock,
  // which every push of every device waits for, is taken only once the sequence, quota and re-sent
  // writes are settled: the pushes queued behind it wait for the merge and the writes alone.
  // SQLite: the writer lock first, so the transaction writes from its first statement.
  const pg = store.dialect === 'pg';
  // PostgreSQL: the rows are read before the writer lock and only those held read again under it
  // (RowSet.reload); the history chain's link comes with the lock. A key another push took meanwhile
  // fails this one's insert, which runs again with every read under the lock (`clashed`).
  const attempt = (readFirst: boolean) => store.db.transaction().execute(async (trx) => {
    restamps.length = 0;
    let lock: Awaited<ReturnType<typeof takeWriterLock>> = pg ? { version: 0, apart: false } : await takeWriterLock(trx);
    let version = lock.version;
    let start = version;
    const next = () => ++version;

    let lastSeq = 0;
    const fresh: WireWrite[] = [];
    const dups: WireWrite[] = [];
    if (opts.numbered) {
      const mine = trx.selectFrom('hq_devices').select(['last_seq', 'revoked_at']).where('device_id', '=', actor.deviceId);
      const d = await (pg ? mine.forUpdate() : mine).executeTakeFirst();
      if (!d || d.revoked_at) throw new HqError(403, 'revoked', '此设备已被总部停用', 'Device revoked', { wipe: true });
      lastSeq = num(d.last_seq);
      let expect = lastSeq + 1;
      for (const w of writes) {
        if (w.s <= lastSeq) dups.push(w);
        else if (w.s === expect) {
          fresh.push(w);
          expect++;
        }
        else
          throw new HqError(409, 'gap', `变更序号不连续（应为${expect}，收到${w.s}），本批未处理`, `Sequence gap: expected ${expect}, got ${w.s}; nothing applied`, { expected: expect });
      }
    } else fresh.push(...writes);
    // Only new writes count: a batch re-sent after a lost answer costs nothing twice. A request of new
    // writes alone is charged its length as it came, rather than writing its 600 KB of JSON out again.
    if (opts.numbered && fresh.length) {
      const bytes = opts.sentLength !== undefined && fresh.length === writes.length ? opts.sentLength : JSON.stringify(fresh).length;
      await charge(trx, actor.deviceId, settings.quota, { rows: fresh.length, bytes }, now);
    }

    const stored = new Map<number, StoredAnswer>();
    if (dups.length) {
      const r = await trx
        .selectFrom('hq_writes')
        .select(['seq', 'tbl', 'row_id', 'hlc', 'answer'])
        .where('device_id', '=', actor.deviceId)
        .where('seq', 'in', dups.map((w) => w.s))
        .execute();
      const bySeq = new Map(r.map((x) => [num(x.seq), x]));
      for (const w of dups) {
        const x = bySeq.get(w.s);
        if (!x || x.hlc !== w.h || x.tbl !== w.t || x.row_id !== w.r)
          throw new HqError(409, 'seq_reused', `序号${w.s}已用于另一项变更，本批未处理`, `Sequence number ${w.s} was used for a different change; nothing applied`);
        stored.set(w.s, unpackAnswer(x.answer, w));
      }
    }

    const rows = new RowSet(trx);
    const keys = writes.map((w) => ({ tbl: w.t, rowId: w.r }));
    if (pg) {
      if (readFirst) await rows.load(keys);
      lock = await takeWriterLock(trx);
      version = start = lock.version;
    }
    if (pg && readFirst) await rows.reload();
    else await rows.load(keys);
    const restampedNow = new Map<string, string>();
    if (fresh.some((w) => typeof w.b === 'object' || typeof w.b === 'string')) {
      const r = await trx
        .selectFrom('hq_restamps')
        .select(['orig_hlc', 'new_hlc'])
        .where('device_id', '=', actor.deviceId)
        .where('at', '>', new Date(now - 90 * 86_400_000).toISOString())
        .execute();
      for (const x of r) restampedNow.set(x.orig_hlc, x.new_hlc);
    }
    await rows.preloadLate(fresh);
    for (const w of fresh) {
      const { answer, restamp } = await mergeWrite(rows, actor, w, { clock, restamped: restampedNow, now, toleranceMs });
      stored.set(w.s, answer);
      if (restamp) restamps.push(restamp);
    }
    const moved = new Set([...rows.rows.values()].filter((s) => placeOf(s).moved));
    await rows.loadConflicts([...moved]); // their records follow the row, so they are written again
    const nodes = new Set<string>();
    for (const s of rows.rows.values())
      for (const c of [...(s.conflicts?.values() ?? []), ...s.added.values()])
        if (c.dirty || moved.has(s)) for (const h of [c.loser.hlc, c.winner.hlc]) nodes.add(hlcNode(h));
    const names = await userNames(trx, nodes);
    // PostgreSQL: the inserts from here on travel with `settle`'s statement (hq/heldInserts.ts). The reads
    // after this point do not need them: the conflict records (written by flush, after), and the history of
    // earlier pushes (this push's writers come from its own writes).
    if (pg) holdInserts(trx);
    const writers = await conflictWriterNames(trx, rows, fresh, stored); // the person who wrote each side, not the device's user
    await rows.flush(next, (h) => writers.get(h) ?? names.get(hlcNode(h)) ?? hlcNode(h).slice(0, 8), lock.apart);
    // Record history (hq/history/) from the rows as loaded (RowSet.held: flush leaves it as it was), built
    // while PostgreSQL stores the rows flush sent. The chain's link is read before this push's history exists.
    const history = await recordPushHistory(trx, actor, fresh, stored, now, undefined, rows.held, readFirst ? lock.head : await readChainHead(trx));

    if (opts.numbered && fresh.length) {
      const at = new Date(now).toISOString();
      await insertMany(trx, 'hq_writes (device_id, seq, tbl, row_id, hlc, answer, received_at)', fresh.map((w) => [actor.deviceId, w.s, w.t, w.r, w.h, packAnswer(stored.get(w.s)!), at]), '');
      await insertMany(trx, 'hq_restamps (device_id, orig_hlc, new_hlc, tbl, row_id, at)', restamps.map((r) => [actor.deviceId, r.orig, r.hlc, r.tbl, r.rowId, at]), 'ON CONFLICT DO NOTHING');
    }
    await settle(trx, pg, actor.deviceId, {
      lastSeq: opts.numbered && fresh.length ? lastSeq + fresh.length : undefined,
      version: version !== start ? version : undefined,
      head: history.entries || !lock.head ? history.head : undefined,
    });
    return writes.map((w): PushAnswerItem => ({ s: w.s, ...withCurrent(stored.get(w.s)!, rows.get(w.t, w.r), actor) }));
  });
  const apply = () =>
    attempt(true).catch((e: unknown) => {
      if (!clashed(e)) throw e;
      return attempt(false);
    });
  // PostgreSQL: queued in this process rather than on the writer lock, where a push holds a connection (hq/pushGate.ts).
  const result = pg ? await pushGate(store).admit(apply) : await apply();
  if (restamps.length) await logEvent(store, 'restamp', actor.deviceId, { count: restamps.length, first: restamps[0], aheadMs: hlcMs(restamps[0]!.orig) - now });
  return result;
}
