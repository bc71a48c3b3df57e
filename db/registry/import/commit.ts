// Writing a planned import. Runs inside the caller's transaction (roster.commit is a write
// operation): either every chosen row is written or, on any failure, none.
import { uuidv7 } from '../../../shared/ids.js';
import type { ImportResult } from '../../../shared/registry/types.js';
import type { Db } from '../../context.js';
import { recordHistory } from '../history.js';
import { memberColumns, peopleColumns, type PlannedRow } from './plan.js';

export async function writePlanned(db: Db, rows: PlannedRow[], o: { now: string; by: string; today: string }): Promise<ImportResult> {
  const r: ImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const row of rows) {
    if (row.action === 'error' || !row.input || !row.scopePath) {
      r.skipped++;
      continue;
    }
    if (row.action === 'unchanged') {
      r.unchanged++;
      continue;
    }
    const i = row.input;
    const scope_path = row.scopePath;
    const person = { ...peopleColumns(i), scope_path, updated_at: o.now };
    const id = row.existing?.id ?? uuidv7();
    if (row.existing) {
      await db.updateTable('people').set(person).where('id', '=', id).execute();
      r.updated++;
      const h = { personId: id, onDate: o.today, reason: '花名册导入', scopePath: scope_path };
      await recordHistory(db, { ...h, kind: 'political_status', from: row.existing.political_status, to: i.politicalStatus }, o.by, o.now);
      if (row.existingMember && i.member) {
        await recordHistory(db, { ...h, kind: 'branch', from: row.existingMember.branch_id, to: i.member.branchId }, o.by, o.now);
        await recordHistory(db, { ...h, kind: 'standing', from: row.existingMember.standing, to: i.member.standing }, o.by, o.now);
      }
    } else {
      await db.insertInto('people').values({ id, ...person, created_at: o.now }).execute();
      r.created++;
    }
    if (i.member) {
      const m = i.member;
      const values = {
        ...memberColumns(m), mobility: m.mobility, mobility_destination: m.mobilityDestination, mobility_since: m.mobilitySince,
        mobility_card_no: m.mobilityCardNo, lost_contact: m.lostContact ? 1 : 0, lost_contact_since: m.lostContactSince,
        lost_contact_reason: m.lostContactReason, dues_base_type: m.duesBaseType, scope_path, updated_at: o.now,
      };
      if (row.existingMember) await db.updateTable('members').set(values).where('id', '=', row.existingMember.id).execute();
      else await db.insertInto('members').values({ id: uuidv7(), person_id: id, ...values, created_at: o.now }).execute();
    }
  }
  return r;
}
