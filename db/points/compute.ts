// A branch's year of points, quarter by quarter in order (caps carry across the year). An approved
// quarter is its frozen snapshot, never recomputed; an entry that reaches a device after its
// quarter was approved (written offline before the lock was known) counts in the next open quarter.
import { nextQuarter, quarterEnd, quartersOfYear, tallyQuarter, type CapUse, type TallyRow } from '../../shared/points/tally.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import type { Db } from '../context.js';
import { branchMembers, entries, publications, type BranchMember, type EntryRow, type PublicationRow, type Snapshot } from './store.js';

export interface QuarterResult {
  quarter: string;
  /** The live tally, or the approved snapshot once approved. */
  live: TallyRow[];
  /** What would be frozen if the quarter were published or approved now. */
  snapshot: Snapshot;
  publication: PublicationRow | null;
}

const clone = (u: CapUse): CapUse => JSON.parse(JSON.stringify(u)) as CapUse;

/** The quarter an entry counts in: its own, unless that quarter was approved without it. */
export function effectiveQuarter(e: EntryRow, locked: Map<string, Set<string>>): string {
  let q = e.quarter;
  for (let set = locked.get(q); set && !set.has(e.id); set = locked.get(q)) q = nextQuarter(q);
  return q;
}

export function lockedSets(pubs: Map<string, PublicationRow>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [q, p] of pubs) if (p.status === 'approved' && p.approved) out.set(q, new Set(p.approved.entryIds));
  return out;
}

export function computeYear(year: number, members: BranchMember[], ledger: EntryRow[], pubs: Map<string, PublicationRow>, s: PointsSettings): QuarterResult[] {
  const locked = lockedSets(pubs);
  const byQuarter = new Map<string, EntryRow[]>();
  for (const e of ledger) {
    const q = effectiveQuarter(e, locked);
    (byQuarter.get(q) ?? byQuarter.set(q, []).get(q)!).push(e);
  }
  let used: CapUse = {};
  return quartersOfYear(year).map((q) => {
    const pub = pubs.get(q) ?? null;
    if (pub?.status === 'approved' && pub.approved) {
      used = clone(pub.approved.capUseAfter);
      return { quarter: q, live: pub.approved.rows, snapshot: pub.approved, publication: pub };
    }
    const scored = members.filter((m) => m.joinDate <= quarterEnd(q)).map(({ personId, name, probationary }) => ({ personId, name, probationary }));
    const ids = new Set(scored.map((m) => m.personId));
    const mine = (byQuarter.get(q) ?? []).filter((e) => ids.has(e.personId));
    const before = clone(used);
    const live = tallyQuarter(scored, mine, s, used);
    const snapshot: Snapshot = { entryIds: mine.map((e) => e.id).sort(), members: scored, capUseBefore: before, capUseAfter: clone(used), rows: live };
    return { quarter: q, live, snapshot, publication: pub };
  });
}

/** The ledger without withdrawn automatic entries (nor the void entries that withdraw them). */
export function withoutWithdrawn<T extends EntryRow>(ledger: T[]): T[] {
  const voided = new Set(ledger.filter((e) => e.sourceRef?.startsWith('void:')).map((e) => e.sourceRef!.slice('void:'.length)));
  return ledger.filter((e) => !e.sourceRef?.startsWith('void:') && !voided.has(e.id));
}

/** Loads what a branch's year needs (the previous year's last quarter too: late entries carry over). */
export async function loadYear(db: Db, orgId: string, year: number, s: PointsSettings): Promise<QuarterResult[]> {
  const from = `${year - 1}-Q4`;
  const to = `${year}-Q4`;
  const [members, ledger, pubs] = await Promise.all([branchMembers(db, orgId), entries(db, { orgId }, from, to), publications(db, orgId, from, to)]);
  return computeYear(year, members, withoutWithdrawn(ledger), pubs, s);
}

/** Recomputes a frozen snapshot from the ledger alone: the proof that a published table is reproducible. */
export function replaySnapshot(snap: Snapshot, ledger: EntryRow[], rules: Pick<PointsSettings, 'items' | 'base' | 'grades' | 'lowest'>): TallyRow[] {
  const ids = new Set(snap.entryIds);
  return tallyQuarter(snap.members, ledger.filter((e) => ids.has(e.id)), rules, clone(snap.capUseBefore));
}

export const sameTotals = (a: TallyRow[], b: TallyRow[]) =>
  JSON.stringify(a.map((r) => [r.personId, r.total]).sort()) === JSON.stringify(b.map((r) => [r.personId, r.total]).sort());
