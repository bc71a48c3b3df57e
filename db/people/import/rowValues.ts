// One roster row's cells converted to values, with an error (problem) or a warning (note) per field.
// A value that cannot be read in an optional column is a warning and is left out: the person is
// never held back for a phone number or a job title. An unknown code (岗位, 学历 …) is kept aside
// for value mapping (values.ts).
import { RULE_MESSAGES } from '../../../shared/core/errors.js';
import {
  cellText, parseCitizenId, parseDate, parseEnum, parseEthnicity, parseGender, parsePhone, parseText, type Cell, type Parsed,
} from '../../../shared/people/cells.js';
import { ROSTER_FIELDS, VALUE_FIELDS, type RosterField, type ValueField } from '../../../shared/people/headers.js';
import type { ImportProblem } from '../../../shared/people/types.js';

export interface RowValues {
  name: string | null;
  gender: 'male' | 'female' | null;
  ethnicity: string | null;
  birthDate: string | null;
  citizenId: string | null;
  phone: string | null;
  education: string | null;
  politicalStatus: string | null;
  joinDate: string | null;
  fullDate: string | null;
  branch: string | null;
  group: string | null;
  outletName: string | null;
  outletCode: string | null;
  post: string | null;
  employment: string | null;
  standing: string | null;
  consentOn: string | null;
  notes: string | null;
}

/** Fields a row cannot do without (or that decide who the person is): an unreadable value is an error. */
const REQUIRED = new Set<RosterField>(['name', 'citizenId', 'joinDate', 'branch', 'politicalStatus', 'standing']);

/** A warning for a value left out: on an update the stored value stays. */
export function leftOut(field: RosterField, zh: string, en: string): ImportProblem {
  return problem(field, '', { zh: `${zh}（此项未导入）`, en: `${en} (not imported)` });
}

export function problem(field: RosterField | null, key: string, vars?: { zh: string; en: string }): ImportProblem {
  const rule = RULE_MESSAGES[key];
  const label = field ? ROSTER_FIELDS[field] : null;
  const zh = vars?.zh ?? rule?.zh ?? key;
  const en = vars?.en ?? rule?.en ?? key;
  return { field, message: label ? `${label.zh}：${zh}` : zh, messageEn: label ? `${label.en}: ${en}` : en };
}

type Converter = (c: Cell) => Parsed<string>;

const CONVERT: Record<RosterField, Converter> = {
  // "张  三": spaces typed to line names up in a printed roster are not part of the name.
  name: (c) => {
    const r = parseText(c, 40);
    return r.ok && r.v ? { ok: true, v: r.v.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '') } : r;
  },
  gender: parseGender,
  ethnicity: parseEthnicity,
  birthDate: parseDate,
  citizenId: parseCitizenId,
  phone: parsePhone,
  education: (c) => parseEnum('education', c),
  politicalStatus: (c) => parseEnum('politicalStatus', c),
  joinDate: parseDate,
  fullDate: parseDate,
  branch: (c) => parseText(c, 80),
  group: (c) => parseText(c, 60),
  outletName: (c) => parseText(c, 80),
  outletCode: (c) => parseText(c, 40),
  post: (c) => parseEnum('post', c),
  employment: (c) => parseEnum('employment', c),
  standing: (c) => parseEnum('standing', c),
  consentOn: parseDate,
  notes: (c) => parseText(c, 500),
};

export interface Converted {
  values: RowValues;
  problems: ImportProblem[];
  notes: ImportProblem[];
  /** Values of mappable columns that name no code: resolved by the value mapping, or left out. */
  unknown: Partial<Record<ValueField, string>>;
  /** The status column as typed, to tell a generic 中共党员 from an explicit 正式党员. */
  statusText: string;
}

export function rowValues(cells: Partial<Record<RosterField, Cell>>): Converted {
  const values = {} as Record<RosterField, string | null>;
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const unknown: Partial<Record<ValueField, string>> = {};
  for (const field of Object.keys(CONVERT) as RosterField[]) {
    const cell = cells[field];
    values[field] = null;
    if (!cell) continue;
    const r = CONVERT[field](cell);
    if (r.ok) {
      values[field] = r.v;
      if (r.note) notes.push(problem(field, r.note));
    } else if (field in VALUE_FIELDS && r.problem.startsWith('enum.')) {
      unknown[field as ValueField] = cellText(cell).replace(/\s/g, '');
    } else if (REQUIRED.has(field)) {
      problems.push(problem(field, r.problem));
    } else {
      const rule = RULE_MESSAGES[r.problem];
      notes.push(leftOut(field, rule?.zh ?? r.problem, rule?.en ?? r.problem));
    }
  }
  const statusText = cells.politicalStatus ? cellText(cells.politicalStatus).replace(/\s/g, '') : '';
  return { values: values as unknown as RowValues, problems, notes, unknown, statusText };
}
