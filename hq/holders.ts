// Which devices may still hold a row as it was before some version: the devices a tombstone must
// wait for. A device holds only rows its scope shows (plus, until it pulls past a move, rows that
// left its scope). A row whose last change is at or below the version a device acknowledged
// (hq/purge.ts), or at or below HQ's head at its first pull, is on the device as it is now or not at all.
// A device that never pulled holds nothing; a revoked one is told to wipe and can push nothing more.
import type { Kysely } from 'kysely';
import { ancestorPaths, INHERITED_TABLES, isVisible } from '../shared/sync/tables.js';
import type { HqDB } from './schema.js';
import { num } from './store.js';

export interface Holder {
  deviceId: string;
  userName: string;
  scopePath: string;
  /** Everything up to this version is on the device. */
  acked: number;
  /** HQ's head when the device first pulled. */
  firstPull: number;
  lastPullAt: string | null;
}

/** Rows last changed at or below this version are, on the device, as they are now (or absent). */
const current = (h: Holder) => Math.max(h.acked, h.firstPull);

export class Holders {
  /** Devices by scope path, least current first. */
  private readonly byScope = new Map<string, Holder[]>();

  constructor(list: Holder[]) {
    for (const h of [...list].sort((a, b) => current(a) - current(b))) (this.byScope.get(h.scopePath) ?? this.byScope.set(h.scopePath, []).get(h.scopePath)!).push(h);
  }

  static async load(db: Kysely<HqDB>): Promise<Holders> {
    const r = await db
      .selectFrom('hq_devices')
      .select(['device_id', 'user_name', 'scope_path', 'acked_version', 'first_pull_version', 'last_pull_at'])
      .where('revoked_at', 'is', null)
      .where('acked_version', 'is not', null)
      .execute();
    return new Holders(
      r.map((d) => ({
        deviceId: d.device_id, userName: d.user_name, scopePath: d.scope_path, acked: num(d.acked_version), firstPull: num(d.first_pull_version ?? 0), lastPullAt: d.last_pull_at,
      })),
    );
  }

  /** Devices that see a row of `tbl` at `scope` and may hold it as it was before `version`. */
  behind(tbl: string, scope: string, version: number): Holder[] {
    // Scopes are whole path segments ('/hq/a/' never covers '/hq/ab/'), so the devices that see a row
    // are those whose scope is one of its ancestors; reference data is also seen from below.
    const scopes = INHERITED_TABLES.has(tbl) ? [...this.byScope.keys()].filter((s) => isVisible(tbl, scope, s)) : ancestorPaths(scope);
    const out: Holder[] = [];
    for (const s of scopes) {
      for (const h of this.byScope.get(s) ?? []) {
        if (current(h) >= version) break;
        out.push(h);
      }
    }
    return out;
  }
}

export interface Move {
  version: number;
  oldScope: string;
}

/**
 * The devices that may still hold a row deleted at `version` (its last change, conflict records
 * included): those that see where it is now, and those that saw where it was before a move they
 * have not pulled past yet (they learn to drop it from that move, which is purged with the row).
 */
export function blockers(holders: Holders, tbl: string, scope: string, version: number, moves: Move[]): Holder[] {
  const out = new Map<string, Holder>();
  for (const h of holders.behind(tbl, scope, version)) out.set(h.deviceId, h);
  for (const m of moves) for (const h of holders.behind(tbl, m.oldScope, m.version)) out.set(h.deviceId, h);
  return [...out.values()];
}
