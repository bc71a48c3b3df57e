// The console's code dialog names the registry person an unused enrolment code is for
// (renderer/console/CodeModal.tsx): the people of the code's scope to choose from, and the naming
// itself — refused for a code outside the user's scope, used or expired, or a person outside the
// code's scope; audited. The device enrolled with the code gets the person (hq/auth.ts).
import type { FastifyInstance } from 'fastify';
import { codePeopleQuery, codePersonInput, type CodePersonAnswer, type CodePersonOption } from '../../shared/console/codePerson.js';
import { isUnder, scopeEnd } from '../../shared/core/scope.js';
import { codeHash } from '../auth.js';
import { personInScope, secretaryOf } from '../duesReveal.js';
import { HqError } from '../errors.js';
import type { Cell } from '../rowset.js';
import type { HqStore } from '../store.js';
import { audit } from './audit.js';
import { signedForWrite, signedIn } from './guard.js';

type Cells = Record<string, Cell | undefined>;
const LIMIT = 20;

function parse<T>(r: { success: true; data: T } | { success: false }): T {
  if (r.success) return r.data;
  throw new HqError(400, 'malformed', '输入有误（注册码或人员）', 'Invalid input (code or person)');
}

/** The live rows of a table within the scope (hq_rows is indexed on table and scope). */
async function rowsIn(store: HqStore, tbl: string, scope: string): Promise<{ id: string; c: Cells }[]> {
  const rows = await store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', tbl)
    .where('scope_path', '>=', scope).where('scope_path', '<', scopeEnd(scope)).execute();
  return rows.map((r) => ({ id: r.row_id, c: JSON.parse(r.cells) as Cells })).filter((r) => r.c.deleted?.[0] !== 1);
}

/** Up to 20 people of the scope whose name holds `q`, with their branch and whether they are its secretary. */
export async function codePeople(store: HqStore, scope: string, q: string): Promise<CodePersonOption[]> {
  const people = (await rowsIn(store, 'people', scope)).filter((p) => String(p.c.name?.[0] ?? '').includes(q))
    .sort((a, b) => String(a.c.name?.[0]).localeCompare(String(b.c.name?.[0]), 'zh-CN')).slice(0, LIMIT);
  const branchOf = new Map((await rowsIn(store, 'members', scope)).map((m) => [String(m.c.person_id?.[0]), String(m.c.branch_id?.[0])]));
  // a branch may sit above the code's scope (a county's branch, a grid's code): read by id
  const ids = [...new Set(people.map((p) => branchOf.get(p.id)).filter((x): x is string => !!x))];
  const orgRows = ids.length ? await store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', 'party_orgs').where('row_id', 'in', ids).execute() : [];
  const orgs = new Map(orgRows.map((o) => [o.row_id, JSON.parse(o.cells) as Cells]));
  return people.map((p) => {
    const org = orgs.get(branchOf.get(p.id) ?? '');
    return { personId: p.id, name: String(p.c.name?.[0] ?? ''), branch: org ? String(org.name?.[0] ?? '') : null, secretary: org?.secretary_person_id?.[0] === p.id };
  });
}

export function registerCodePerson(app: FastifyInstance, store: HqStore): void {
  app.get('/console/api/devices/people', async (req) => {
    const s = await signedIn(store, req);
    const { scope, q } = parse(codePeopleQuery.safeParse(req.query));
    if (!isUnder(scope, s.scopePath)) throw new HqError(403, 'outside_scope', '超出您的管理范围', 'Outside your scope');
    return codePeople(store, scope, q.trim());
  });
  app.post('/console/api/devices/code-person', async (req): Promise<CodePersonAnswer> => {
    const s = await signedForWrite(store, req);
    const b = parse(codePersonInput.safeParse(req.body));
    const code = await store.db.selectFrom('hq_enrol_codes').select(['user_name', 'scope_path', 'used_at', 'expires_at']).where('code_hash', '=', codeHash(b.code)).executeTakeFirst();
    // Another county's code is answered as unknown, like its devices.
    if (!code || !isUnder(code.scope_path, s.scopePath)) throw new HqError(404, 'no_code', '没有这个注册码', 'No such enrolment code');
    if (code.used_at || Number(code.expires_at) <= Date.now()) throw new HqError(409, 'code_used', '该注册码已使用或已过期，不能再指定使用人', 'This code is used or expired: its user can no longer be named');
    const person = await personInScope(store, b.personId, code.scope_path);
    if (!person) throw new HqError(403, 'person_out_of_scope', '所指定的人员不在该注册码的范围内（或已不在人员库中），未作任何修改', 'The person named is not within the code\'s scope (or no longer in the registry); nothing changed');
    await store.db.updateTable('hq_enrol_codes').set({ person_id: b.personId }).where('code_hash', '=', codeHash(b.code)).where('used_at', 'is', null).execute();
    await audit(store.db, { userName: s.userName, action: 'device.code_person', scopePath: code.scope_path, target: code.user_name, after: { personId: b.personId, name: person.name }, ip: req.ip });
    return { personId: b.personId, name: person.name, secretaryOf: await secretaryOf(store, b.personId, code.scope_path) };
  });
}
