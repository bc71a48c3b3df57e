// Merging two registrations of one person. Safe to sync: only plain row writes (updates of
// person ids, tombstones, inserts), each captured like any other edit. The loser is tombstoned and
// a person_merges row points it at the survivor, keeping its last values and every row re-pointed.
import { todayInBeijing } from '../../shared/core/dates.js';
import { assertInScope } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { MergeResult } from '../../shared/people/types.js';
import { canSeeFullIds, nowIso, type ApiContext, type Db } from '../context.js';
import { recordHistory } from './history.js';
import { referenceColumns } from './references.js';

/** Fields the survivor takes from the loser when its own are blank. */
const FILL = ['gender', 'ethnicity', 'birth_date', 'citizen_id', 'phone', 'education', 'outlet_id', 'post', 'employment', 'consent_on', 'notes'] as const;
const RANK: Record<string, number> = { full_member: 5, probationary: 4, youth_league: 3, other_party: 2, independent: 1, masses: 0 };

/** After re-pointing, two rows may say the same thing (both records attended one meeting): keep one. */
const NATURAL_KEYS: Record<string, string[]> = { attendance: ['activity_id'], party_org_committee: ['org_id', 'role'] };

async function person(db: Db, id: string) {
  const p = await db.selectFrom('people').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!p) throw notFound('人员', 'Person');
  return p;
}

export async function mergePeople(ctx: ApiContext, a: { survivorId: string; loserId: string; reason: string }): Promise<MergeResult> {
  if (!canSeeFullIds(ctx.session.role))
    throw new ApiError('forbidden', '只有县级组织员和省公司管理员可以合并人员记录', 'Only organisers and administrators merge records');
  if (a.survivorId === a.loserId) throw new ApiError('validation', '不能把一条记录与它自己合并', 'Cannot merge a record with itself');
  const db = ctx.db;
  const now = nowIso(ctx);
  const [s, l] = [await person(db, a.survivorId), await person(db, a.loserId)];
  for (const p of [s, l]) assertInScope(p.scope_path, ctx.session.scopePath, 'people');
  if (s.citizen_id && l.citizen_id && s.citizen_id !== l.citizen_id)
    throw new ApiError('conflict', '两条记录的身份证号不同，是两个人，不能合并', 'Different citizen ids: two different people');

  const sm = await db.selectFrom('members').selectAll().where('person_id', '=', s.id).where('deleted', '=', 0).executeTakeFirst();
  const lm = await db.selectFrom('members').selectAll().where('person_id', '=', l.id).where('deleted', '=', 0).executeTakeFirst();
  const sr = await db.selectFrom('recruits').selectAll().where('person_id', '=', s.id).where('deleted', '=', 0).executeTakeFirst();
  const lr = await db.selectFrom('recruits').selectAll().where('person_id', '=', l.id).where('deleted', '=', 0).executeTakeFirst();
  const snapshot = { ...l, member: lm ?? null, recruit: lr ?? null };

  // The survivor keeps its values and takes the loser's where its own are blank.
  const fill: Record<string, unknown> = {};
  for (const k of FILL) if (s[k] === null && l[k] !== null) fill[k] = l[k];
  if ((RANK[l.political_status] ?? 0) > (RANK[s.political_status] ?? 0) && lm && !sm) fill.political_status = l.political_status;
  // Tombstone the loser first: its citizen id may move to the survivor.
  await db.updateTable('people').set({ deleted: 1, updated_at: now }).where('id', '=', l.id).execute();
  if (Object.keys(fill).length) await db.updateTable('people').set({ ...fill, updated_at: now }).where('id', '=', s.id).execute();

  const repointed: { table: string; column: string; rows: string[] }[] = [];
  const note = (table: string, column: string, rows: string[]) => rows.length && repointed.push({ table, column, rows });
  // One membership and one pipeline per person: the loser's moves over only if the survivor has none.
  for (const [table, mine, theirs] of [['members', sm, lm], ['recruits', sr, lr]] as const) {
    if (!theirs) continue;
    if (mine) await db.updateTable(table).set({ deleted: 1, updated_at: now }).where('id', '=', theirs.id).execute();
    else {
      await db.updateTable(table).set({ person_id: s.id, scope_path: s.scope_path, updated_at: now }).where('id', '=', theirs.id).execute();
      note(table, 'person_id', [theirs.id]);
    }
  }
  for (const { table, column } of await referenceColumns(db)) {
    if ((table === 'members' || table === 'recruits') && column === 'person_id') continue;
    const rows = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${l.id} AND deleted = 0`.execute(db);
    if (!rows.rows.length) continue;
    const ids = rows.rows.map((r) => r.id);
    await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${s.id}, updated_at = ${now} WHERE id IN (${sql.join(ids)})`.execute(db);
    note(table, column, ids);
    const keys = column === 'person_id' ? NATURAL_KEYS[table] : undefined;
    if (keys) {
      // Keep the survivor's own row (the oldest) where both now say the same thing.
      const cols = sql.join(keys.map((k) => sql.ref(`${table}.${k}`))); // qualified: t2 has the same columns
      await sql`UPDATE ${sql.table(table)} SET deleted = 1, updated_at = ${now}
        WHERE id IN (${sql.join(ids)}) AND EXISTS (
          SELECT 1 FROM ${sql.table(table)} t2 WHERE t2.person_id = ${s.id} AND t2.deleted = 0 AND t2.id <> ${sql.table(table)}.id
            AND (${cols}) IS (${sql.join(keys.map((k) => sql`t2.${sql.ref(k)}`))}) AND t2.id NOT IN (${sql.join(ids)}))`.execute(db);
    }
  }

  const mergeId = uuidv7();
  await db
    .insertInto('person_merges')
    .values({
      id: mergeId, survivor_id: s.id, loser_id: l.id, reason: a.reason, loser_snapshot_json: JSON.stringify(snapshot),
      repointed_json: JSON.stringify(repointed), merged_by: ctx.session.userName, scope_path: s.scope_path, created_at: now, updated_at: now,
    })
    .execute();
  if (fill.political_status)
    await recordHistory(db, { personId: s.id, kind: 'political_status', from: s.political_status, to: String(fill.political_status), onDate: todayInBeijing(ctx.now()), reason: '合并重复记录', scopePath: s.scope_path }, ctx.session.userName, now);
  return { mergeId, survivorId: s.id, loserId: l.id, repointed: repointed.map((r) => ({ table: r.table, column: r.column, rows: r.rows.length })) };
}
