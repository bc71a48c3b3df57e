// Whose dues amounts the user of this call may see (DOMAIN.md Privacy): a county organiser every
// member's; the member's branch secretary their branch's. The secretary is the registry person the
// device's enrolment code named (db/sync/enrolPerson.ts), and only the device user who enrolled
// it — another user of the same PC (an instructor, staff) sees paid/unpaid only. Whether that
// person is a branch's secretary is read from the organisation as it stands in this store now.
import { scopeEnd } from '../../shared/core/scope.js';
import { seesDuesAmounts } from '../../shared/dues/privacy.js';
import type { ApiContext } from '../context.js';
import { PERSON_KEY, PERSON_USER_KEY } from '../sync/enrolPerson.js';
import { OWNER_ID } from '../vault/users.js';
import { signedInUser } from '../vault/signedIn.js';

export interface AmountsView {
  /** Every member's (a county organiser). */
  all: boolean;
  /** Otherwise the members of these branches (the user is their secretary). */
  branches: { id: string; name: string }[];
  persons: ReadonlySet<string>;
}

const NONE: AmountsView = { all: false, branches: [], persons: new Set() };

const meta = async (ctx: ApiContext, key: string) => (await ctx.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;

/** The person this call's user is on this device, or null (none named, or another device user). */
export async function callerPerson(ctx: ApiContext): Promise<string | null> {
  const person = await meta(ctx, PERSON_KEY);
  if (!person) return null;
  const enrolledBy = (await meta(ctx, PERSON_USER_KEY)) ?? OWNER_ID;
  const user = signedInUser();
  // No signed-in user: a single-user device (keychain) or a tool — the owner's.
  return (user?.id ?? OWNER_ID) === enrolledBy ? person : null;
}

export async function amountsView(ctx: ApiContext): Promise<AmountsView> {
  if (seesDuesAmounts(ctx.session.role)) return { all: true, branches: [], persons: new Set() };
  const person = await callerPerson(ctx);
  if (!person) return NONE;
  const scope = ctx.session.scopePath;
  const branches = await ctx.db.selectFrom('party_orgs').select(['id', 'name']).where('secretary_person_id', '=', person).where('deleted', '=', 0)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).orderBy('name').execute();
  if (!branches.length) return NONE;
  const rows = await ctx.db.selectFrom('members').select('person_id').where('deleted', '=', 0)
    .where('branch_id', 'in', branches.map((b) => b.id)).execute();
  return { all: false, branches, persons: new Set(rows.map((r) => r.person_id)) };
}

export const seesAmountsOf = (v: AmountsView, personId: string): boolean => v.all || v.persons.has(personId);
/** Whether any amount is shown at all (the screens' "amounts hidden" notice). */
export const seesAnyAmount = (v: AmountsView): boolean => v.all || v.persons.size > 0;
