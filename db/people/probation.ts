// Recording the one extension of a probation on the membership (shared/people/probation.ts for the
// rules). The conversion due date — on the person record, in 待办 and on the board's probation
// light — reads it from there (shared/orglife/due.ts conversionDueOn).
import type { z } from 'zod';
import { notFound } from '../../shared/core/errors.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { assertInScope } from '../../shared/core/scope.js';
import { duesSettings } from '../../shared/dues/settings.js';
import { assertExtension, type ProbationExtension, type probationExtendInput } from '../../shared/people/probation.js';
import { nowIso, type ApiContext, type Db } from '../context.js';
import { readSettings } from '../system/settings.js';

export async function extensionOf(db: Db, personId: string): Promise<ProbationExtension | null> {
  const m = await db.selectFrom('members').select(['probation_extended_on', 'probation_extension_months', 'probation_extension_reason'])
    .where('person_id', '=', personId).where('deleted', '=', 0).executeTakeFirst();
  if (!m?.probation_extended_on || !m.probation_extension_months) return null;
  return { decidedOn: m.probation_extended_on, months: m.probation_extension_months, reason: m.probation_extension_reason ?? '' };
}

export async function extendProbation(ctx: ApiContext, input: z.output<typeof probationExtendInput>): Promise<void> {
  const m = await ctx.db
    .selectFrom('members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.join_date', 'p.political_status', 'p.scope_path'])
    .where('m.person_id', '=', input.personId)
    .where('m.deleted', '=', 0)
    .where('p.deleted', '=', 0)
    .executeTakeFirst();
  if (!m) throw notFound('党员信息', 'Membership');
  assertInScope(m.scope_path, ctx.session.scopePath, 'person');
  const s = duesSettings(await readSettings(ctx.db, m.scope_path));
  const facts = { politicalStatus: m.political_status, admittedOn: m.join_date, existing: await extensionOf(ctx.db, input.personId) };
  assertExtension(facts, input.months, input.decidedOn, todayInBeijing(ctx.now()), s);
  await ctx.db.updateTable('members')
    .set({ probation_extended_on: input.decidedOn, probation_extension_months: input.months, probation_extension_reason: input.reason, updated_at: nowIso(ctx) })
    .where('id', '=', m.id)
    .execute();
}
