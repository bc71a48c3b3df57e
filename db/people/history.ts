// History of a member's standing, mobility, lost contact, political status, branch and recruit
// stage. Written by the application in the same transaction as the change (never by a trigger:
// a trigger would write again on every device that applies the synced change).
import { beijingDayOf } from '../../shared/core/dates.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { HistoryEntry } from '../../shared/people/types.js';
import type { Db } from '../context.js';
import { extensionEntries } from './probationHistory.js';

export type HistoryKind = 'standing' | 'mobility' | 'lost_contact' | 'political_status' | 'recruit_stage' | 'branch';

export interface HistoryInput {
  personId: string;
  kind: HistoryKind;
  from: string | null;
  to: string | null;
  onDate: string;
  reason?: string | null;
  scopePath: string;
}

export async function recordHistory(db: Db, h: HistoryInput, by: string, now: string): Promise<void> {
  if ((h.from ?? null) === (h.to ?? null)) return;
  await db
    .insertInto('member_history')
    .values({
      id: uuidv7(), person_id: h.personId, kind: h.kind, from_value: h.from, to_value: h.to, on_date: h.onDate,
      reason: h.reason ?? null, recorded_by: by, scope_path: h.scopePath, created_at: now, updated_at: now,
    })
    .execute();
}

export async function personHistory(db: Db, personId: string): Promise<HistoryEntry[]> {
  // A merged-away record's history belongs to the survivor too.
  const losers = await db.selectFrom('person_merges').select('loser_id').where('survivor_id', '=', personId).where('deleted', '=', 0).execute();
  const ids = [personId, ...losers.map((l) => l.loser_id)];
  const rows = await db
    .selectFrom('member_history')
    .selectAll()
    .where('person_id', 'in', ids)
    .where('deleted', '=', 0)
    .orderBy('on_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const merges = await db
    .selectFrom('person_merges')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', '=', personId), eb('loser_id', '=', personId)]))
    .where('deleted', '=', 0)
    .execute();
  // Branch changes are stored as ids (they survive a rename); shown by name.
  const orgIds = [...new Set(rows.filter((r) => r.kind === 'branch').flatMap((r) => [r.from_value, r.to_value]).filter((x): x is string => !!x))];
  const orgNames = new Map(
    orgIds.length ? (await db.selectFrom('party_orgs').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]) : [],
  );
  const show = (kind: string, v: string | null) => (kind === 'branch' && v ? (orgNames.get(v) ?? v) : v);
  const out: HistoryEntry[] = rows.map((r) => ({
    id: r.id, kind: r.kind, fromValue: show(r.kind, r.from_value), toValue: show(r.kind, r.to_value), onDate: r.on_date, reason: r.reason,
    recordedBy: r.recorded_by, at: r.created_at,
  }));
  for (const m of merges) {
    const snap = JSON.parse(m.loser_snapshot_json) as { name?: string };
    out.push({
      id: m.id, kind: 'merge', fromValue: snap.name ?? null, toValue: m.survivor_id, onDate: beijingDayOf(m.created_at),
      reason: m.reason, recordedBy: m.merged_by, at: m.created_at,
    });
  }
  out.push(...(await extensionEntries(db, ids)));
  return out.sort((a, b) => (a.onDate === b.onDate ? b.at.localeCompare(a.at) : b.onDate.localeCompare(a.onDate)));
}
