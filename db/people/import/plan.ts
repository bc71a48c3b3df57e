// The dry run of a roster import: every row resolved against the store and checked with the same
// schema a manual entry goes through (shared/schemas/person.ts), so a row either has a clear list
// of problems or is ready to write. Nothing here writes.
import { isUnder } from '../../../shared/core/scope.js';
import { birthDateFromCitizenId, citizenIdProblem, maskCitizenId } from '../../../shared/domain/citizenId.js';
import { validationError } from '../../../shared/core/errors.js';
import { ROSTER_FIELD_KEYS, ROSTER_FIELDS, type RosterField } from '../../../shared/people/headers.js';
import { addYears, type RegistryRules } from '../../../shared/people/rules.js';
import type { ImportProblem, ImportRowPreview } from '../../../shared/people/types.js';
import { personInput, type PersonInput, type PersonParsed } from '../../../shared/people/schemas/person.js';
import type { Db } from '../../context.js';
import { loadLookups, lookupKey, type Lookups, type MemberRecord, type PersonRecord, type Place } from './lookups.js';
import type { DraftRow } from './parse.js';
import { problem, rowValues, type RowValues } from './rowValues.js';

export interface PlannedRow extends ImportRowPreview {
  input?: PersonParsed;
  existing?: PersonRecord;
  existingMember?: MemberRecord;
  scopePath?: string;
}

const PATH_FIELD: Record<string, RosterField> = {
  name: 'name', gender: 'gender', ethnicity: 'ethnicity', birthDate: 'birthDate', citizenId: 'citizenId', phone: 'phone',
  education: 'education', outletId: 'outletName', post: 'post', employment: 'employment', politicalStatus: 'politicalStatus',
  consentOn: 'consentOn', notes: 'notes', member: 'joinDate', 'member.branchId': 'branch', 'member.groupId': 'group',
  'member.joinDate': 'joinDate', 'member.fullDate': 'fullDate', 'member.standing': 'standing',
};

const STAND_IN = '00000000-0000-7000-8000-000000000000';
const isParty = (s: string | null | undefined) => s === 'full_member' || s === 'probationary';

function pick(places: Place[] | undefined, field: RosterField, value: string, what: string): { place?: Place; problem?: ImportProblem } {
  if (!places?.length) return { problem: problem(field, '', { zh: `找不到${what}“${value}”（请先建立，或核对名称）`, en: `No ${ROSTER_FIELDS[field].en.toLowerCase()} named "${value}"` }) };
  if (places.length > 1) return { problem: problem(field, '', { zh: `有${places.length}个${what}都叫“${value}”，请改填编码或更具体的名称`, en: `"${value}" is ambiguous` }) };
  return { place: places[0] };
}

/** The person input a row amounts to: the stored record overlaid with what the file says. */
function mergedInput(v: RowValues, status: string, refs: { outletId?: string; branchId?: string; groupId?: string | null }, p?: PersonRecord, m?: MemberRecord): PersonInput {
  const party = isParty(status);
  const branchId = refs.branchId ?? m?.branch_id;
  return {
    ...(p ? { id: p.id } : {}),
    name: v.name ?? p?.name ?? '',
    gender: (v.gender ?? p?.gender ?? null) as PersonInput['gender'],
    ethnicity: (v.ethnicity ?? p?.ethnicity ?? null) as PersonInput['ethnicity'],
    birthDate: v.birthDate ?? p?.birth_date ?? null,
    citizenId: v.citizenId,
    phone: v.phone ?? p?.phone ?? null,
    education: (v.education ?? p?.education ?? null) as PersonInput['education'],
    outletId: refs.outletId ?? p?.outlet_id ?? null,
    post: (v.post ?? p?.post ?? null) as PersonInput['post'],
    employment: (v.employment ?? p?.employment ?? null) as PersonInput['employment'],
    politicalStatus: status as PersonInput['politicalStatus'],
    consentOn: v.consentOn ?? p?.consent_on ?? null,
    notes: v.notes ?? p?.notes ?? null,
    member: party
      ? {
          branchId: branchId ?? '',
          groupId: refs.groupId !== undefined ? refs.groupId : branchId === m?.branch_id ? (m?.group_id ?? null) : null,
          joinDate: v.joinDate ?? m?.join_date ?? '',
          fullDate: v.fullDate ?? m?.full_date ?? null,
          standing: (v.standing ?? m?.standing ?? 'normal') as 'normal',
          mobility: (m?.mobility ?? 'none') as 'none',
          mobilityDestination: m?.mobility_destination ?? null,
          mobilitySince: m?.mobility_since ?? null,
          mobilityCardNo: m?.mobility_card_no ?? null,
          lostContact: m?.lost_contact === 1,
          lostContactSince: m?.lost_contact_since ?? null,
          lostContactReason: m?.lost_contact_reason ?? null,
          duesBaseType: (m?.dues_base_type ?? 'wage') as 'wage',
        }
      : null,
  };
}

/** The stored columns an input writes, to tell an update from an unchanged row. */
export function peopleColumns(i: PersonParsed) {
  return {
    name: i.name, gender: i.gender, ethnicity: i.ethnicity, birth_date: i.birthDate, citizen_id: i.citizenId ?? null, phone: i.phone ?? null,
    education: i.education, outlet_id: i.outletId, post: i.post, employment: i.employment, political_status: i.politicalStatus,
    consent_on: i.consentOn, notes: i.notes,
  };
}

export function memberColumns(m: NonNullable<PersonParsed['member']>) {
  return { branch_id: m.branchId, group_id: m.groupId, join_date: m.joinDate, full_date: m.fullDate, standing: m.standing };
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => (a[k] ?? null) === (b[k] ?? null));

export async function planImport(db: Db, drafts: DraftRow[], o: { scope: string; today: string; rules: RegistryRules }): Promise<PlannedRow[]> {
  const converted = drafts.map((d) => ({ d, ...rowValues(d.cells) }));
  const lk: Lookups = await loadLookups(db, o.scope, {
    outletCodes: converted.flatMap((c) => (c.values.outletCode ? [c.values.outletCode] : [])),
    outletNames: converted.flatMap((c) => (c.values.outletName ? [c.values.outletName] : [])),
    citizenIds: converted.flatMap((c) => (c.values.citizenId ? [c.values.citizenId] : [])),
    names: converted.flatMap((c) => (c.values.name ? [c.values.name] : [])),
  });
  const firstRowOfId = new Map<string, number>();
  return converted.map(({ d, values: v, problems, notes }): PlannedRow => {
    const row: PlannedRow = { rowNo: d.rowNo, name: v.name ?? '', citizenId: maskCitizenId(v.citizenId), action: 'error', problems, notes };
    if (!v.name && !problems.some((x) => x.field === 'name')) problems.push(problem('name', '', { zh: '为必填项', en: 'is required' }));
    if (!v.citizenId && !problems.some((p) => p.field === 'citizenId')) problems.push(problem('citizenId', '', { zh: '为必填项（导入按身份证号识别人员）', en: 'is required (imports match people by it)' }));
    if (v.citizenId) {
      const seen = firstRowOfId.get(v.citizenId);
      if (seen) problems.push(problem('citizenId', '', { zh: `与第${seen}行重复`, en: `repeats row ${seen}` }));
      else firstRowOfId.set(v.citizenId, d.rowNo);
      // 出生年月 columns often hold the month only: the id has the full date, so it wins silently.
      const fromId = citizenIdProblem(v.citizenId) ? null : birthDateFromCitizenId(v.citizenId);
      const monthOnly = notes.findIndex((n) => n.field === 'birthDate');
      if (fromId && v.birthDate && monthOnly >= 0 && fromId.slice(0, 7) === v.birthDate.slice(0, 7)) {
        v.birthDate = fromId;
        notes.splice(monthOnly, 1);
      }
    }
    const refs: { outletId?: string; branchId?: string; groupId?: string | null } = {};
    let outlet: Place | undefined;
    let branch: Place | undefined;
    if (v.outletCode || v.outletName) {
      const r = v.outletCode
        ? pick(lk.outletsByCode.get(lookupKey(v.outletCode).toUpperCase()), 'outletCode', v.outletCode, '网点编码')
        : pick(lk.outletsByName.get(lookupKey(v.outletName!)), 'outletName', v.outletName!, '网点');
      if (r.problem) problems.push(r.problem);
      outlet = r.place;
      if (outlet) refs.outletId = outlet.id;
    }
    if (v.branch) {
      const r = pick(lk.orgsByName.get(lookupKey(v.branch)), 'branch', v.branch, '党组织');
      if (r.problem) problems.push(r.problem);
      branch = r.place;
      if (branch) refs.branchId = branch.id;
    }
    if (v.group && branch) {
      const g = lk.groupsByBranch.get(branch.id)?.get(lookupKey(v.group));
      if (g) refs.groupId = g;
      else problems.push(problem('group', '', { zh: `“${v.group}”不是${branch.name}的党小组`, en: `"${v.group}" is not a group of this branch` }));
    }

    const existing = v.citizenId ? lk.peopleByCitizenId.get(v.citizenId) : undefined;
    const member = existing ? lk.membersByPerson.get(existing.id) : undefined;
    if (existing && !isUnder(existing.scope_path, o.scope))
      problems.push(problem('citizenId', '', { zh: '该人员登记在您管理范围以外的单位，不能在此更新', en: 'registered outside your scope' }));
    // A roster with join dates and no status column is a list of members; a recent join without
    // a full-membership date is a probationary member.
    let status = v.politicalStatus ?? existing?.political_status ?? null;
    if (!v.politicalStatus && v.joinDate) status = v.fullDate || v.joinDate <= addYears(o.today, -o.rules.probationYears) ? 'full_member' : 'probationary';
    status ??= 'masses';
    if (member && !isParty(status))
      problems.push(problem('politicalStatus', '', { zh: '该人员已登记为党员，文件中却不是；如需变更请在人员信息中办理', en: 'registered as a member; change it on the person screen' }));
    if (!existing && v.name && lk.peopleByNameBirth.has(`${v.name}|${v.birthDate ?? (v.citizenId ? birthDateFromCitizenId(v.citizenId) ?? '' : '')}`))
      notes.push(problem(null, '', { zh: '已有同名且出生日期相同的人员，可能重复（导入后可在“疑似重复”中合并）', en: 'Same name and birth date as someone registered: possible duplicate' }));

    // Every problem of a row at once: the schema checks the row even when a reference is already
    // known to be missing (a stand-in id keeps it from repeating that), minus fields already named.
    const known = new Set(problems.map((x) => x.field));
    const stand = { outletId: refs.outletId ?? (v.outletCode || v.outletName ? STAND_IN : undefined), branchId: refs.branchId ?? (v.branch ? STAND_IN : undefined), groupId: refs.groupId };
    const parsed = personInput.safeParse(mergedInput(v, status, stand, existing, member));
    if (!parsed.success) {
      for (const i of validationError(parsed.error).issues) {
        const field = PATH_FIELD[i.path] ?? PATH_FIELD[i.path.split('.')[0]!] ?? null;
        if (!known.has(field)) problems.push({ field, message: i.message, messageEn: i.messageEn });
      }
    }
    // In the order of the roster's columns, so the first problem named is the leftmost.
    const at = (f: RosterField | null) => (f ? ROSTER_FIELD_KEYS.indexOf(f) : 99);
    problems.sort((a, b) => at(a.field) - at(b.field));
    if (problems.length || !parsed.success) return row;
    const input = parsed.data;
    const scopePath = outlet?.scope_path ?? (existing && input.outletId === existing.outlet_id ? existing.scope_path : null) ?? branch?.scope_path ?? existing?.scope_path ?? o.scope;
    if (!isUnder(scopePath, o.scope)) {
      problems.push(problem(null, '', { zh: '超出您的管理范围', en: 'Outside your scope' }));
      return row;
    }
    let action: PlannedRow['action'] = 'create';
    if (existing) {
      const unchanged =
        same(peopleColumns(input), existing as unknown as Record<string, unknown>) &&
        existing.scope_path === scopePath &&
        (input.member ? !!member && same(memberColumns(input.member), member as unknown as Record<string, unknown>) : !member);
      action = unchanged ? 'unchanged' : 'update';
    }
    return { ...row, action, input, existing, existingMember: member, scopePath };
  });
}
