// Every administrative action in the console, with who, when, what, and the before and after, kept in
// HQ's database (every HQ process writes to one place). A county organiser reads only their county's.
import { uuidv7 } from '../../shared/core/ids.js';
import { scopeEnd } from '../../shared/core/scope.js';
import type { AuditRow } from '../../shared/console/types.js';
import type { HqStore } from '../store.js';

export interface AuditEntry { userName: string; action: string; scopePath: string; target?: string | null; before?: unknown; after?: unknown; ip?: string | null }

type Db = HqStore['db'];

export async function audit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('hq_console_audit')
    .values({
      id: uuidv7(), at: new Date().toISOString(), user_name: e.userName, action: e.action, scope_path: e.scopePath, target: e.target ?? null,
      before_json: e.before === undefined ? null : JSON.stringify(e.before), after_json: e.after === undefined ? null : JSON.stringify(e.after), ip: e.ip ?? null,
    })
    .execute();
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export async function readAudit(db: Db, scope: string, opts: { action?: string; limit?: number } = {}): Promise<AuditRow[]> {
  let q = db.selectFrom('hq_console_audit').selectAll().where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope));
  if (opts.action) q = q.where('action', '=', opts.action);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 200).execute();
  return rows.map((r) => ({ at: r.at, userName: r.user_name, action: r.action, scopePath: r.scope_path, target: r.target, before: parse(r.before_json), after: parse(r.after_json) }));
}
