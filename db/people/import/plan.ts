// The dry run of a roster import: every row resolved against the store and checked with the same
// schema a manual entry goes through, so a row either has a clear list of errors (not imported)
// or is ready to write, with a warning for every change made to what the file says. Nothing here
// writes.
import { isUnder } from '../../../shared/core/scope.js';
import { birthDateFromCitizenId, citizenIdProblem, genderFromCitizenId, maskCitizenId } from '../../../shared/domain/citizenId.js';
import { GENDERS } from '../../../shared/domain/enums.js';
import { ROSTER_FIELD_KEYS, ROSTER_FIELDS, VALUE_FIELDS, type RosterField, type ValueField } from '../../../shared/people/headers.js';
import type { RegistryRules } from '../../../shared/people/rules.js';
import type { ImportProblem, ImportRowPreview } from '../../../shared/people/types.js';
import type { PersonParsed } from '../../../shared/people/schemas/person.js';
import type { Db } from '../../context.js';
import { loadLookups, lookupKey, outletsById, type Lookups, type MemberRecord, type PersonRecord, type Place } from './lookups.js';
import { checkInput, isParty, memberColumns, mergedInput, peopleColumns } from './merge.js';
import type { DraftRow } from './parse.js';
import { leftOut, problem, rowValues, type RowValues } from './rowValues.js';
import { decideStatus } from './status.js';
import { valueKey, type ValueBook } from './values.js';

export interface PlannedRow extends ImportRowPreview {
  input?: PersonParsed;
  existing?: PersonRecord;
  existingMember?: MemberRecord;
  scopePath?: string;
  /** The value-mapping choices this row relies on (remembered once it is written). */
  valueKeys: string[];
}

const STAND_IN = '00000000-0000-7000-8000-000000000000';
const MAP_HINT = { zh: '可在上方“值对应”中选择', en: 'map it under "Value mapping"' };

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => (a[k] ?? null) === (b[k] ?? null));

function notFound(field: RosterField, value: string, what: string, namesakes: number): { zh: string; en: string } {
  return namesakes > 1
    ? { zh: `有${namesakes}个${what}都叫“${value}”，请改填编码或更具体的名称，或${MAP_HINT.zh}`, en: `"${value}" is ambiguous; ${MAP_HINT.en}` }
    : { zh: `找不到${what}“${value}”（请先建立，或核对名称）；${MAP_HINT.zh}`, en: `No ${ROSTER_FIELDS[field].en.toLowerCase()} named "${value}"; ${MAP_HINT.en}` };
}

/** The citizen id is authoritative: a gender or birth date that contradicts a valid one is replaced, with a warning. */
function takeFromId(v: RowValues, notes: ImportProblem[]): void {
  const birth = birthDateFromCitizenId(v.citizenId!)!;
  const gender = genderFromCitizenId(v.citizenId!)!;
  const monthOnly = notes.findIndex((n) => n.field === 'birthDate');
  // 出生年月 columns often hold the month only: the id has the full date, so it wins silently.
  if (v.birthDate && monthOnly >= 0 && birth.slice(0, 7) === v.birthDate.slice(0, 7)) notes.splice(monthOnly, 1);
  else if (v.birthDate && v.birthDate !== birth) {
    if (monthOnly >= 0) notes.splice(monthOnly, 1);
    notes.push(problem('birthDate', '', { zh: `文件为${v.birthDate}，与身份证号不一致，已按身份证号记为${birth}`, en: `${v.birthDate} contradicts the citizen ID; recorded as ${birth}` }));
  }
  if (v.gender && v.gender !== gender) {
    notes.push(problem('gender', '', { zh: `文件为“${GENDERS[v.gender].zh}”，与身份证号不一致，已按身份证号记为“${GENDERS[gender].zh}”`, en: `${GENDERS[v.gender].en} contradicts the citizen ID; recorded as ${GENDERS[gender].en}` }));
  }
  v.birthDate = birth;
  v.gender = gender;
}

export async function planImport(
  db: Db, drafts: DraftRow[], o: { scope: string; today: string; rules: RegistryRules; book: ValueBook },
): Promise<{ rows: PlannedRow[]; orgs: Place[] }> {
  const converted = drafts.map((d) => ({ d, ...rowValues(d.cells) }));
  const lk: Lookups = await loadLookups(db, o.scope, {
    outletCodes: converted.flatMap((c) => (c.values.outletCode ? [c.values.outletCode] : [])),
    outletNames: converted.flatMap((c) => (c.values.outletName ? [c.values.outletName] : [])),
    citizenIds: converted.flatMap((c) => (c.values.citizenId ? [c.values.citizenId] : [])),
    names: converted.flatMap((c) => (c.values.name ? [c.values.name] : [])),
  });
  const orgsById = new Map(lk.orgs.map((x) => [x.id, x]));
  const mappedOutlets = await outletsById(db, o.scope, o.book.targets(['outletName', 'outletCode']));
  const firstRowOfId = new Map<string, number>();
  const rows = converted.map(({ d, values: v, problems, notes, unknown, statusText }): PlannedRow => {
    const valueKeys: string[] = [];
    const row: PlannedRow = { rowNo: d.rowNo, name: v.name ?? '', citizenId: maskCitizenId(v.citizenId), action: 'error', problems, notes, valueKeys };
    if (!v.name && !problems.some((x) => x.field === 'name')) problems.push(problem('name', '', { zh: '为必填项', en: 'is required' }));
    if (!v.citizenId && !problems.some((p) => p.field === 'citizenId')) problems.push(problem('citizenId', '', { zh: '为必填项（导入按身份证号识别人员）', en: 'is required (imports match people by it)' }));
    if (v.citizenId) {
      const seen = firstRowOfId.get(v.citizenId);
      if (seen) problems.push(problem('citizenId', '', { zh: `与第${seen}行重复`, en: `repeats row ${seen}` }));
      else firstRowOfId.set(v.citizenId, d.rowNo);
      if (!citizenIdProblem(v.citizenId)) takeFromId(v, notes);
    }

    // Codes the file spells its own way, through the value mapping. Standing waits for the status:
    // it only matters for a member.
    const code = (field: ValueField, raw: string) => {
      const r = o.book.code(field, raw);
      if (r.kind !== 'unmapped') valueKeys.push(valueKey(field, raw));
      if (r.kind === 'value') (v as unknown as Record<string, string>)[field] = r.v;
      else if (r.kind === 'unmapped' && VALUE_FIELDS[field].blank) notes.push(leftOut(field, `“${raw}”无法识别，${MAP_HINT.zh}`, `"${raw}" is not recognised; ${MAP_HINT.en}`));
      else if (r.kind === 'unmapped') problems.push(problem(field, '', { zh: `“${raw}”无法识别，请在上方“值对应”中选择`, en: `"${raw}" is not recognised; choose it under "Value mapping"` }));
    };
    for (const [field, raw] of Object.entries(unknown) as [ValueField, string][]) if (field !== 'standing') code(field, raw);

    const existing = v.citizenId ? lk.peopleByCitizenId.get(v.citizenId) : undefined;
    const member = existing ? lk.membersByPerson.get(existing.id) : undefined;
    if (existing && !isUnder(existing.scope_path, o.scope))
      problems.push(problem('citizenId', '', { zh: '该人员登记在您管理范围以外的单位，不能在此更新', en: 'registered outside your scope' }));
    const decided = decideStatus({
      status: v.politicalStatus, statusText, joinDate: v.joinDate, fullDate: v.fullDate, notes: v.notes,
      stored: existing?.political_status ?? null, today: o.today, probationYears: o.rules.probationYears,
    });
    const status = decided.status;
    v.fullDate = decided.fullDate;
    notes.push(...decided.notes);
    const party = isParty(status);
    if (party && unknown.standing) code('standing', unknown.standing);
    if (member && !party)
      problems.push(problem('politicalStatus', '', { zh: '该人员已登记为党员，文件中却不是；如需变更请在人员信息中办理', en: 'registered as a member; change it on the person screen' }));

    let outlet: Place | undefined;
    if (v.outletCode || v.outletName) {
      const field = v.outletCode ? 'outletCode' : 'outletName';
      const raw = (v.outletCode ?? v.outletName)!;
      const matches = v.outletCode ? lk.outletsByCode.get(lookupKey(raw).toUpperCase()) : lk.outletsByName.get(lookupKey(raw));
      if (matches?.length === 1) outlet = matches[0];
      else {
        const r = o.book.place(field, raw, matches ?? [], null, (id) => mappedOutlets.get(id));
        if (r.kind !== 'unmapped') valueKeys.push(valueKey(field, raw));
        if (r.kind === 'value') outlet = r.v;
        if (r.kind === 'unmapped') {
          const m = notFound(field, raw, field === 'outletCode' ? '网点编码' : '网点', matches?.length ?? 0);
          notes.push(leftOut(field, m.zh, m.en));
        }
      }
    }
    let branch: Place | undefined;
    if (party && v.branch) {
      const matches = lk.orgsByName.get(lookupKey(v.branch));
      if (matches?.length === 1) branch = matches[0];
      else {
        const r = o.book.place('branch', v.branch, matches ?? [], outlet?.scope_path ?? null, (id) => orgsById.get(id));
        if (r.kind === 'value') {
          branch = r.v;
          valueKeys.push(valueKey('branch', v.branch));
        } else problems.push(problem('branch', '', notFound('branch', v.branch, '党组织', matches?.length ?? 0)));
      }
    } else if (party && !member) {
      problems.push({ field: 'branch', message: '未填写所在党支部（党员必填）', messageEn: 'No branch given (required for Party members)' });
    }
    if (party && !v.joinDate && !member?.join_date && !problems.some((p) => p.field === 'joinDate'))
      problems.push({ field: 'joinDate', message: '未填写入党日期（党员必填）', messageEn: 'No join date given (required for Party members)' });
    let groupId: string | null | undefined;
    if (party && v.group && branch) {
      groupId = lk.groupsByBranch.get(branch.id)?.get(lookupKey(v.group));
      if (!groupId) notes.push(leftOut('group', `“${v.group}”不是${branch.name}的党小组`, `"${v.group}" is not a group of this branch`));
    }

    if (!existing && v.name && lk.peopleByNameBirth.has(`${v.name}|${v.birthDate ?? ''}`))
      notes.push(problem(null, '', { zh: '已有同名且出生日期相同的人员，可能重复（导入后可在“疑似重复”中合并）', en: 'Same name and birth date as someone registered: possible duplicate' }));

    // Every problem of a row at once: the schema checks the row even when its branch is already
    // known to be missing (a stand-in id keeps it from saying so a second time).
    const known = new Set(problems.map((x) => x.field));
    const refs = { outletId: outlet?.id, branchId: branch?.id ?? (party && !member ? STAND_IN : undefined), groupId: groupId ?? undefined };
    const checked = checkInput(mergedInput(v, status, refs, existing, member), known);
    problems.push(...checked.problems);
    notes.push(...checked.notes);
    // In the order of the roster's columns, so the first problem named is the leftmost.
    const at = (f: RosterField | null) => (f ? ROSTER_FIELD_KEYS.indexOf(f) : 99);
    problems.sort((a, b) => at(a.field) - at(b.field));
    notes.sort((a, b) => at(a.field) - at(b.field));
    if (problems.length || !checked.parsed) return row;
    const input = checked.parsed;
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
  return { rows, orgs: lk.orgs };
}
