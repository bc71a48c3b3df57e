// The one extension of a probation, shown in a person's 变动记录 beside the changes member_history
// keeps. It is held on the membership (db/people/probation.ts) rather than as a member_history row:
// devices of an earlier version would refuse a new kind there (its CHECK), and their sync would stop.
// Who decided it is read from record history (the writer of probation_extended_on).
import { sql } from 'kysely';
import { conversionDueOn } from '../../shared/orglife/due.js';
import { decodeWriter } from '../../shared/history/writer.js';
import type { HistoryEntry } from '../../shared/people/types.js';
import type { Db } from '../context.js';
import { settingsFor } from '../orglife/settings.js';

export async function extensionEntries(db: Db, personIds: string[]): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('members')
    .select(['id', 'join_date', 'scope_path', 'probation_extended_on', 'probation_extension_months', 'probation_extension_reason', 'updated_at'])
    .where('person_id', 'in', personIds).where('deleted', '=', 0).where('probation_extended_on', 'is not', null)
    .execute();
  const out: HistoryEntry[] = [];
  for (const m of rows) {
    if (!m.probation_extended_on || !m.probation_extension_months || !m.join_date) continue;
    const s = await settingsFor(db, m.scope_path);
    const w = await sql<{ writer: string; at: string | null }>`
      SELECT writer, at FROM record_history WHERE tbl = 'members' AND row_id = ${m.id} AND col = 'probation_extended_on' AND writer IS NOT NULL
      ORDER BY id DESC LIMIT 1`.execute(db);
    out.push({
      id: `${m.id}:probation`, kind: 'probation_extension',
      fromValue: conversionDueOn(m.join_date, s), toValue: conversionDueOn(m.join_date, s, m.probation_extension_months),
      onDate: m.probation_extended_on, reason: m.probation_extension_reason, recordedBy: decodeWriter(w.rows[0]?.writer)?.name ?? '—', at: w.rows[0]?.at ?? m.updated_at,
    });
  }
  return out;
}
