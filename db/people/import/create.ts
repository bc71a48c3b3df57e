// What the value mapping writes at commit, inside the import's transaction: the branches it
// creates (only those a written row belongs to) and the choices remembered for the next import.
import { ORG_TYPES } from '../../../shared/domain/enums.js';
import { partyOrgInput } from '../../../shared/org/schemas/partyOrg.js';
import type { ValueTarget } from '../../../shared/people/schemas/import.js';
import type { ApiContext } from '../../context.js';
import { savePartyOrg } from '../../org/partyOrgs.js';
import { rememberValues } from './memory.js';
import type { PlannedRow } from './plan.js';
import type { ValueBook } from './values.js';

/** The kind a name says it is: 联合党支部 and 临时党支部 are kinds of their own, anything else a branch. */
function orgTypeOf(name: string): keyof typeof ORG_TYPES {
  if (/联合党支部$/.test(name)) return 'joint_branch';
  if (/临时党支部$/.test(name)) return 'temp_branch';
  return 'branch';
}

const writes = (r: PlannedRow) => (r.action === 'create' || r.action === 'update') && !!r.input;

/**
 * Creates each pending branch a written row belongs to — standalone, under the chosen org unit,
 * with no covered outlets (coverage is decided on the organisation screen) — and points its rows
 * at it. Returns the new branches by the placeholder id the plan used.
 */
export async function createBranches(ctx: ApiContext, rows: PlannedRow[], book: ValueBook, now: string): Promise<Map<string, { id: string; name: string }>> {
  const made = new Map<string, { id: string; name: string }>();
  const members = rows.filter(writes).map((r) => r.input!.member).filter((m) => m !== null);
  for (const p of book.pending.values()) {
    if (!members.some((m) => m.branchId === p.placeholder)) continue;
    const input = partyOrgInput.parse({ name: p.name, orgType: orgTypeOf(p.name), unitId: p.unit.id });
    made.set(p.placeholder, { id: await savePartyOrg(ctx.db, input, now, ctx.session.scopePath), name: p.name });
  }
  for (const m of members) {
    const b = made.get(m.branchId);
    if (b) m.branchId = b.id;
  }
  return made;
}

/** Remembers, for this user and scope, the choices the imported rows relied on (a created branch as the branch it became). */
export async function rememberUsed(ctx: ApiContext, rows: PlannedRow[], book: ValueBook, made: Map<string, { id: string }>, now: string): Promise<void> {
  const keys = new Set(rows.filter((r) => r.action !== 'error').flatMap((r) => r.valueKeys));
  const choices: Parameters<typeof rememberValues>[4] = [];
  for (const key of keys) {
    const seen = book.seen.get(key);
    const to: ValueTarget | null | undefined = seen?.choice;
    if (!seen || !to) continue;
    if (to.kind === 'create') {
      const p = [...book.pending.values()].find((x) => x.key === key && x.unit.id === to.unitId);
      const b = p && made.get(p.placeholder);
      if (b) choices.push({ field: seen.field, value: seen.value, to: { kind: 'existing', target: b.id } });
    } else choices.push({ field: seen.field, value: seen.value, to });
  }
  await rememberValues(ctx.db, ctx.session.userName, ctx.session.scopePath, now, choices);
}
