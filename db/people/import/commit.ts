// Writing a planned import. Runs inside the caller's transaction (roster.commit is a write
// operation): either every chosen row is written or, on any failure, none.
// Rows are written in batches of multi-row statements: people and members carry triggers (search
// index, change capture) that SQLite compiles into every statement it prepares, so one prepared
// statement per row cost more than the rows themselves (10k rows: ~46 s one by one).
import { sql } from 'kysely';
import { uuidv7 } from '../../../shared/core/ids.js';
import type { ImportResult } from '../../../shared/people/types.js';
import type { Db } from '../../context.js';
import type { MemberHistoryTable } from '../tables.js';
import { memberColumns, peopleColumns } from './merge.js';
import type { PlannedRow } from './plan.js';

const BATCH = 200;

type Person = ReturnType<typeof peopleColumns> & { id: string; scope_path: string; created_at: string; updated_at: string };

/** Insert or update by id, in one statement; the update path never touches created_at. */
async function upsert(db: Db, table: 'people' | 'members', rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!).filter((c) => c !== 'id' && c !== 'created_at');
  await db
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(cols.map((c) => [c, sql.ref(`excluded.${c}`)])) as never))
    .execute();
}

export async function writePlanned(db: Db, rows: PlannedRow[], o: { now: string; by: string; today: string }): Promise<Omit<ImportResult, 'branchesCreated'>> {
  const r = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const todo = rows.filter((row) => {
    if (row.action === 'error' || !row.input || !row.scopePath) r.skipped++;
    else if (row.action === 'unchanged') r.unchanged++;
    else return true;
    return false;
  });
  for (let i = 0; i < todo.length; i += BATCH) {
    const people: Person[] = [];
    const members: Record<string, unknown>[] = [];
    const history: Omit<MemberHistoryTable, 'synthetic' | 'deleted'>[] = [];
    for (const row of todo.slice(i, i + BATCH)) {
      const input = row.input!;
      const scope_path = row.scopePath!;
      const id = row.existing?.id ?? uuidv7();
      people.push({ id, ...peopleColumns(input), scope_path, created_at: o.now, updated_at: o.now });
      if (row.existing) {
        r.updated++;
        const change = (kind: string, from: string | null, to: string | null) => {
          if ((from ?? null) !== (to ?? null))
            history.push({ id: uuidv7(), person_id: id, kind, from_value: from, to_value: to, on_date: o.today, reason: '花名册导入', recorded_by: o.by, scope_path, created_at: o.now, updated_at: o.now });
        };
        change('political_status', row.existing.political_status, input.politicalStatus);
        if (row.existingMember && input.member) {
          change('branch', row.existingMember.branch_id, input.member.branchId);
          change('standing', row.existingMember.standing, input.member.standing);
        }
      } else r.created++;
      if (input.member) {
        const m = input.member;
        members.push({
          id: row.existingMember?.id ?? uuidv7(), person_id: id, ...memberColumns(m), mobility: m.mobility, mobility_destination: m.mobilityDestination,
          mobility_since: m.mobilitySince, mobility_card_no: m.mobilityCardNo, lost_contact: m.lostContact ? 1 : 0, lost_contact_since: m.lostContactSince,
          lost_contact_reason: m.lostContactReason, dues_base_type: m.duesBaseType, scope_path, created_at: o.now, updated_at: o.now,
        });
      }
    }
    // Members first: a new person's membership then finds no person to re-index, and the person's
    // own insert indexes them once, branch included (half the search-index work for new members).
    await upsert(db, 'members', members);
    await upsert(db, 'people', people);
    if (history.length) await db.insertInto('member_history').values(history).execute();
  }
  return r;
}
