// A planned row's person input: the stored record overlaid with what the file says, checked with
// the schema a manual entry goes through (shared/people/schemas/person.ts). A value the schema
// refuses in an optional field (a 5-digit phone, a birth date in the future) is left out with a
// warning and the rest checked again: an optional field never holds a person back.
import { validationError } from '../../../shared/core/errors.js';
import type { RosterField } from '../../../shared/people/headers.js';
import type { ImportProblem } from '../../../shared/people/types.js';
import { personInput, type PersonInput, type PersonParsed } from '../../../shared/people/schemas/person.js';
import type { MemberRecord, PersonRecord } from './lookups.js';
import type { RowValues } from './rowValues.js';

const PATH_FIELD: Record<string, RosterField> = {
  name: 'name', gender: 'gender', ethnicity: 'ethnicity', birthDate: 'birthDate', citizenId: 'citizenId', phone: 'phone',
  education: 'education', outletId: 'outletName', post: 'post', employment: 'employment', politicalStatus: 'politicalStatus',
  consentOn: 'consentOn', notes: 'notes', member: 'joinDate', 'member.branchId': 'branch', 'member.groupId': 'group',
  'member.joinDate': 'joinDate', 'member.fullDate': 'fullDate', 'member.standing': 'standing',
};

/** Input paths that may be emptied: optional on the person screen too. */
const OPTIONAL = new Set(['gender', 'ethnicity', 'birthDate', 'phone', 'education', 'outletId', 'post', 'employment', 'notes', 'consentOn', 'member.groupId', 'member.fullDate']);
/** Rules that emptying a field cannot satisfy (partner staff need their consent recorded). */
const RULES_NOT_BLANKED = new Set(['consent.partner_staff']);

export const isParty = (s: string | null | undefined) => s === 'full_member' || s === 'probationary';

export interface Refs {
  outletId?: string;
  branchId?: string;
  groupId?: string | null;
}

/** The person input a row amounts to: the stored record overlaid with what the file says. */
export function mergedInput(v: RowValues, status: string, refs: Refs, p?: PersonRecord, m?: MemberRecord): PersonInput {
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

function blankAt(input: PersonInput, path: string): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail && head === 'member' && input.member) (input.member as Record<string, unknown>)[tail] = null;
  else (input as Record<string, unknown>)[head] = null;
}

/**
 * The row's input checked: the parsed input, or the errors (minus fields in `known`, already
 * named); warnings for optional values left out on the way.
 */
export function checkInput(input: PersonInput, known: Set<RosterField | null>): { parsed?: PersonParsed; problems: ImportProblem[]; notes: ImportProblem[] } {
  const notes: ImportProblem[] = [];
  // Each round empties what it may; the schema's cross-field rules only run once the fields pass.
  for (let round = 0; round < 4; round++) {
    const r = personInput.safeParse(input);
    if (r.success) return { parsed: r.data, problems: [], notes };
    const issues = validationError(r.error).issues.map((i, n) => ({ ...i, key: r.error.issues[n]!.message }));
    const optional = issues.filter((i) => OPTIONAL.has(i.path) && !RULES_NOT_BLANKED.has(i.key));
    notes.push(...optional.map(leftOutIssue));
    const hard = issues.filter((i) => !optional.includes(i));
    if (hard.length) {
      const problems: ImportProblem[] = [];
      for (const i of hard) {
        const field = PATH_FIELD[i.path] ?? PATH_FIELD[i.path.split('.')[0]!] ?? null;
        if (!known.has(field)) problems.push({ field, message: i.message, messageEn: i.messageEn });
      }
      return { problems, notes };
    }
    for (const i of optional) blankAt(input, i.path);
  }
  return { problems: [{ field: null, message: '无法导入该行', messageEn: 'The row cannot be imported' }], notes };
}

function leftOutIssue(i: { path: string; message: string; messageEn: string }): ImportProblem {
  return { field: PATH_FIELD[i.path] ?? null, message: `${i.message}（此项未导入）`, messageEn: `${i.messageEn} (not imported)` };
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
