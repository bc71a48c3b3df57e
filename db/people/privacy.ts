// Privacy by role (DOMAIN.md, Privacy): lists and the detail screen show masked ids and phones to
// every role; county organisers and HQ administrators see the full values only through an explicit
// reveal, which is logged with who, whom and when. Instructors and auditors never get them.
import { assertInScope } from '../../shared/core/scope.js';
import { ApiError, notFound } from '../../shared/core/errors.js';
import type { RevealedIds } from '../../shared/people/types.js';
import { canSeeFullIds, type ApiContext, type Db } from '../context.js';
import { getPerson } from './people.js';
import { writeAudit } from './audit.js';
import type { PersonDetail } from '../../shared/people/personTypes.js';

/** The person, in scope, with masked id and phone whatever the role. */
export async function getPersonMasked(db: Db, scope: string, id: string): Promise<PersonDetail & { scopePath: string }> {
  const row = await db.selectFrom('people').select('scope_path').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!row) throw notFound('人员', 'Person');
  assertInScope(row.scope_path, scope, 'person');
  return { ...(await getPerson(db, id, false)), scopePath: row.scope_path };
}

export function assertMayReveal(ctx: ApiContext): void {
  if (!canSeeFullIds(ctx.session.role))
    throw new ApiError('forbidden', '您的角色不能查看完整的身份证号和手机号', 'Your role may not see full ids and phone numbers');
}

export async function revealPerson(ctx: ApiContext, id: string): Promise<RevealedIds> {
  assertMayReveal(ctx);
  const p = await ctx.db
    .selectFrom('people')
    .select(['name', 'citizen_id', 'phone', 'scope_path'])
    .where('id', '=', id)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  if (!p) throw notFound('人员', 'Person');
  assertInScope(p.scope_path, ctx.session.scopePath, 'person');
  await writeAudit(ctx, ctx.db, {
    kind: 'reveal',
    description: `查看完整身份证号和手机号：${p.name}`,
    subjectId: id,
    rowCount: 1,
    fullIds: true,
    scopePath: p.scope_path,
  });
  return { citizenId: p.citizen_id, phone: p.phone };
}
