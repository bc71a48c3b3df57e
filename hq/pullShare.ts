// Devices of one kind catching up from the same point share one read. Fifty HQ-wide devices doing a
// first sync at once each pull, after the snapshot, every row pushed since its version: the same
// pages fifty times over, read, built and turned into JSON fifty times while the daily syncs beside
// them waited (bench/load1000.bench.ts). A page read for one of them now answers the others that ask
// for it within SHARE_MS, as the pull would have answered them then.
//
// What makes that exact:
// - The page is read for no device in particular. A device is not sent its own writes again
//   (hq/pull.ts), so a page naming one of this device's stamps is read afresh for it.
// - Devices of one kind are those whose pulls differ only by that rule: the first-sync snapshot's
//   key (hq/snapshot/cache.ts recipientKey), so a rule that makes a pull depend on more makes a key of its own.
// - A page that ended at HQ's head is shared only while the head has not moved (one read of the
//   counter): otherwise a device would stop behind a write that landed before it asked. Saying `more`
//   instead sent fifty first syncs chasing the head in turn (each fresh read ended one of them),
//   which took twice as long and pulled twice the rows. A page with more after it needs no check: it
//   is a whole range of versions, and a row rewritten since comes again further on.
// - A page that brought nothing new is never shared (it costs next to nothing to read).
// - Only devices that have not pushed share (a first sync, a viewer): one that has would likely find
//   its own writes in the page, and reads its own, as before.
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { acceptsCoding, LARGE_BODY } from '../shared/node/wireEncoding.js';
import { hlcNode } from '../shared/sync/hlc.js';
import type { PullAnswer } from '../shared/sync/protocol.js';
import type { Device } from './auth.js';
import { pull } from './pull.js';
import { recipientKey } from './snapshot/cache.js';
import { headVersion, type HqStore } from './store.js';

/**
 * How long a page read for one device answers others of its kind. Long enough for fifty first syncs
 * that drift apart (their snapshots load at different speeds) to walk the same pages: at 2 s they
 * drifted out of it, each read its own pages, took longer, and so had ever more to catch up on.
 */
export const SHARE_MS = 60_000;
/** Pages held at once (each at most about LIMITS.pullBytes of JSON): a catch-up of ~60k rows. */
const HELD = 32;

interface Page {
  cursor: number;
  /** Whether versions follow the page's end; if not, the page ended at HQ's head when read. */
  more: boolean;
  /** Every device whose stamp is on a cell of the page. */
  nodes: Set<string>;
  /** The answer's JSON after `hqTime`: each device is sent its own time. */
  rest: Buffer;
  /** `rest` as one gzip member, made once for every device that takes gzip (see `coded`). */
  gzipped?: Promise<Buffer>;
}

/** A shared page's answer already in its coding (the route sends it as it is). */
export interface CodedAnswer {
  coding: 'gzip';
  bytes: Buffer;
}

const gz = promisify(gzip);

interface Held {
  at: number;
  page: Promise<Page>;
}

const AT = Buffer.from('{"hqTime":');

function pageOf(a: PullAnswer): Page {
  const nodes = new Set<string>();
  for (const r of a.rows) {
    nodes.add(hlcNode(r.h));
    if (r.hx) for (const col in r.hx) nodes.add(hlcNode(r.hx[col]!));
  }
  const { hqTime: _, ...rest } = a;
  return { cursor: a.cursor, more: a.more, nodes, rest: Buffer.from(`,${JSON.stringify(rest).slice(1)}`) };
}

/** The JSON of the page's answer as `pull` gave it, `hqTime` now. */
function body(p: Page): Buffer {
  return Buffer.concat([AT, Buffer.from(String(Date.now())), p.rest]);
}

/**
 * The answer in gzip, for a device that takes it: a member of its own for `{"hqTime":…` and the page's
 * member, compressed once. A gzip stream may hold several members, decoded as one text (RFC 1952 §2.2),
 * so fifty devices sent one page cost one compression rather than fifty (a catch-up page is ~0.6–1 MB).
 */
async function coded(p: Page, stats: { compressed: number }): Promise<CodedAnswer> {
  const head = gzipSync(Buffer.concat([AT, Buffer.from(String(Date.now()))]));
  if (!p.gzipped) {
    stats.compressed++;
    p.gzipped = gz(p.rest);
  }
  return { coding: 'gzip', bytes: Buffer.concat([head, await p.gzipped]) };
}

export class SharedPulls {
  private readonly held = new Map<string, Held>();
  /** Pages read, answers sent from a page read for another device, and pages compressed. */
  readonly stats = { reads: 0, shared: 0, compressed: 0 };

  constructor(
    private readonly store: HqStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * What `pull` answers this device: the answer, or its JSON when it was (or may be) shared — a large
   * page in gzip when `accept` (the request's Accept-Encoding) takes it (`answerOf`).
   */
  async pull(actor: Device, cursor: number, limit?: number, since?: number, tables?: string[], accept?: string): Promise<PullAnswer | Buffer | CodedAnswer> {
    if (actor.lastSeq > 0) return pull(this.store, actor, cursor, limit, since, tables);
    const key = JSON.stringify([recipientKey(actor), cursor, since ?? cursor, limit ?? null, tables ?? null]);
    const now = this.now();
    const h = this.held.get(key);
    if (h && now - h.at <= SHARE_MS) {
      const p = await h.page.catch(() => undefined);
      if (p && p.cursor > cursor && !p.nodes.has(actor.deviceId) && (p.more || (await headVersion(this.store)) === p.cursor)) {
        this.stats.shared++;
        return this.answerOf(p, accept);
      }
    }
    return this.read(actor, key, cursor, limit, since, tables, accept);
  }

  private async read(actor: Device, key: string, cursor: number, limit?: number, since?: number, tables?: string[], accept?: string): Promise<Buffer | CodedAnswer> {
    this.stats.reads++;
    // Read for no device in particular ('' is no device's node), so that none of its cells is left out.
    const page = pull(this.store, { ...actor, deviceId: '' }, cursor, limit, since, tables).then(pageOf);
    const held = { at: this.now(), page };
    this.held.delete(key); // re-inserted last, so that the oldest go first below
    this.held.set(key, held);
    for (const [k, x] of this.held) if (this.held.size > HELD || held.at - x.at > SHARE_MS) this.held.delete(k);
    const p = await page.catch((e: unknown) => {
      if (this.held.get(key) === held) this.held.delete(key);
      throw e;
    });
    if (p.nodes.has(actor.deviceId)) return Buffer.from(JSON.stringify(await pull(this.store, actor, cursor, limit, since, tables)));
    return this.answerOf(p, accept);
  }

  /**
   * The answer to send: a large page in gzip when the device takes it (at that size brotli runs at its
   * fastest setting, which packs no tighter than gzip); a smaller one as JSON, which HQ codes per answer
   * in the device's best coding, as any answer (brotli packed a day's few changed cells ~5% tighter).
   */
  private answerOf(p: Page, accept: string | undefined): Buffer | Promise<CodedAnswer> {
    return p.rest.length >= LARGE_BODY && acceptsCoding(accept, 'gzip') ? coded(p, this.stats) : body(p);
  }
}
