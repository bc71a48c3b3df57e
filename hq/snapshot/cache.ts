// First-sync snapshots kept in HQ's memory, one per kind of recipient: built once, sent to every
// device of that kind, rebuilt when HQ's version has moved too far past it. A snapshot a little
// behind is still right to serve (the device pulls what came after it), only less of a shortcut.
import { sql } from 'kysely';
import type { Device } from '../auth.js';
import { headVersion, type HqStore } from '../store.js';
import { buildSnapshot, type BuiltSnapshot } from './build.js';

/** Versions HQ may have moved past a snapshot before a device is given a new one (about one pull chunk). */
export const STALE_VERSIONS = 2000;
/** And at most this old: a quiet HQ would otherwise keep serving rows (tombstones) its purge has since removed. */
export const MAX_AGE_MS = 60 * 60_000;
/** Compressed bytes of snapshots held at most; the least recently served go first. */
export const CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Who the snapshot is for: every field of the pull's actor that can change what the pull sends.
 * All of them except the device's own id and push sequence (a pull from 0 sends every row whole,
 * so it never depends on which device asks) and the user's name (the pull never reads it): role
 * and scope today, and whatever a later rule adds to the actor (a person whose redaction differs)
 * makes a key of its own without a change here.
 */
export function recipientKey(actor: Device): string {
  const rest: Record<string, unknown> = { ...actor };
  delete rest.deviceId;
  delete rest.lastSeq;
  delete rest.userName; // keyed by it, every device of a county built its own (hq/pull.ts PullActor has no name)
  delete rest.settingsVersion; // when HQ's settings were last written (hq/settings.ts), not who the device is
  return JSON.stringify(stable(rest));
}

/** A value as JSON can hold it, the same for equal contents: sets and maps (JSON.stringify makes `{}` of them) as sorted lists, object keys sorted. */
function stable(v: unknown): unknown {
  if (v instanceof Set) return ['#set', ...[...v].map(stable).map((x) => JSON.stringify(x)).sort()];
  if (v instanceof Map) return ['#map', ...[...v].map(([k, x]) => JSON.stringify([stable(k), stable(x)])).sort()];
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') return Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])]);
  return v === undefined ? null : v;
}

interface Entry {
  key: string;
  snap: BuiltSnapshot;
  used: number;
  builtAt: number;
  /** The part size it was built with: a copy cut otherwise is not served once `partRows` changes. */
  partRows: number | undefined;
  /** hq_purged's newest purged_at when the build began. */
  purgeMark: string | null;
}

export class SnapshotCache {
  private readonly byKey = new Map<string, Entry>();
  /** Every snapshot still held, by id: a device resuming an older one of its kind finishes it. */
  private readonly byId = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<Entry>>();
  private tick = 0;
  /** Builds so far (tests and the benchmark tell a served copy from a new one). */
  builds = 0;
  /** Rows per part of snapshots built from now on (default SNAPSHOT_PART_ROWS; tests cut small parts). */
  partRows: number | undefined;

  constructor(
    private readonly store: HqStore,
    private readonly maxBytes = CACHE_BYTES,
  ) {}

  /**
   * The last purge (any HQ process, the CLI included): a copy built before it may hold tombstones HQ
   * has since forgotten, which a new device would keep and a late write under their ids would hit.
   */
  private async purgeMark(): Promise<string | null> {
    return (await sql<{ m: string | null }>`SELECT max(purged_at) AS m FROM hq_purged`.execute(this.store.db)).rows[0]?.m ?? null;
  }

  /** The snapshot for this actor: the one being resumed if still held, else a current one of its kind. */
  async forActor(actor: Device, resume?: string): Promise<BuiltSnapshot> {
    const key = recipientKey(actor);
    const old = resume ? this.byId.get(resume) : undefined;
    if (old && old.key === key) return this.touch(old).snap;
    const held = this.byKey.get(key);
    if (held && held.partRows === this.partRows && Date.now() - held.builtAt <= MAX_AGE_MS && (await headVersion(this.store)) - held.snap.version <= STALE_VERSIONS
      && (await this.purgeMark()) === held.purgeMark) return this.touch(held).snap;
    let b = this.building.get(key);
    if (!b) {
      const partRows = this.partRows;
      // Read before the build: a purge while it runs makes the copy stale at once.
      b = this.purgeMark().then((mark) => buildSnapshot(this.store, actor, partRows).then((snap) => this.keep(key, snap, partRows, mark)));
      this.building.set(key, b);
      void b.finally(() => this.building.delete(key)).catch(() => {});
    }
    return (await b).snap;
  }

  /** A part of a held snapshot of this actor's kind, or undefined when it is no longer held. */
  part(actor: Device, id: string, n: number): BuiltSnapshot['parts'][number] | undefined {
    const e = this.byId.get(id);
    if (!e || e.key !== recipientKey(actor)) return undefined;
    this.touch(e);
    return e.snap.parts[n];
  }

  private touch(e: Entry): Entry {
    e.used = ++this.tick;
    return e;
  }

  private keep(key: string, snap: BuiltSnapshot, partRows: number | undefined, purgeMark: string | null): Entry {
    this.builds++;
    const e = this.touch({ key, snap, used: 0, builtAt: Date.now(), partRows, purgeMark });
    this.byKey.set(key, e);
    this.byId.set(snap.id, e);
    let total = [...this.byId.values()].reduce((n, x) => n + x.snap.bytes, 0);
    for (const x of [...this.byId.values()].sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes || x === e) continue;
      this.byId.delete(x.snap.id);
      if (this.byKey.get(x.key) === x) this.byKey.delete(x.key);
      total -= x.snap.bytes;
    }
    return e;
  }
}
