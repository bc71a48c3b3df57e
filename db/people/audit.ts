// The audit trail of the registry: every export, reveal of full values and import, with who and
// when (DOMAIN.md, Privacy: "log who exported what"). Rows sync to HQ like any record.
import { sql } from 'kysely';
import { uuidv7 } from '../../shared/core/ids.js';
import type { AuditEntry } from '../../shared/people/types.js';
import { nowIso, type ApiContext, type Db } from '../context.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { Page } from '../../shared/contract/define.js';

export interface AuditInput {
  kind: 'export' | 'reveal' | 'import';
  description: string;
  subjectId?: string | null;
  filter?: unknown;
  rowCount?: number;
  fullIds?: boolean;
  fileName?: string | null;
  /** The scope the logged data belongs to (the person's, or the exported unit's). */
  scopePath: string;
}

export async function writeAudit(ctx: ApiContext, db: Db, a: AuditInput): Promise<void> {
  const now = nowIso(ctx);
  await db
    .insertInto('registry_audit')
    .values({
      id: uuidv7(), kind: a.kind, subject_id: a.subjectId ?? null, description: a.description,
      filter_json: a.filter === undefined ? null : JSON.stringify(a.filter), row_count: a.rowCount ?? 0, full_ids: a.fullIds ? 1 : 0,
      file_name: a.fileName ?? null, user_name: ctx.session.userName, role: ctx.session.role, device_id: ctx.session.deviceId,
      scope_path: a.scopePath, created_at: now, updated_at: now,
    })
    .execute();
}

export async function listAudit(db: Db, scope: string, f: { kind?: AuditEntry['kind']; limit: number; offset: number }): Promise<Page<AuditEntry>> {
  let q = db
    .selectFrom('registry_audit as a')
    .leftJoin('people as p', 'p.id', 'a.subject_id')
    .where('a.deleted', '=', 0)
    .where('a.scope_path', '>=', scope)
    .where('a.scope_path', '<', scopeEnd(scope));
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  const { n } = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['a.id', 'a.kind', 'a.description', 'a.subject_id', 'p.name as subject_name', 'a.filter_json', 'a.row_count', 'a.full_ids',
      'a.file_name', 'a.user_name', 'a.role', 'a.created_at'])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id, kind: r.kind, description: r.description, subjectId: r.subject_id, subjectName: r.subject_name,
      filter: r.filter_json ? (JSON.parse(r.filter_json) as Record<string, unknown>) : null, rowCount: r.row_count,
      fullIds: r.full_ids === 1, fileName: r.file_name, userName: r.user_name, role: r.role, at: r.created_at,
    })),
  };
}
