// One roster row's cells converted to values, with a problem or a note per field.
import { RULE_MESSAGES } from '../../../shared/core/errors.js';
import {
  parseCitizenId, parseDate, parseEnum, parseEthnicity, parseGender, parsePhone, parseText, type Cell, type Parsed,
} from '../../../shared/people/cells.js';
import { ROSTER_FIELDS, type RosterField } from '../../../shared/people/headers.js';
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

export function rowValues(cells: Partial<Record<RosterField, Cell>>): { values: RowValues; problems: ImportProblem[]; notes: ImportProblem[] } {
  const values = {} as Record<RosterField, string | null>;
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  for (const field of Object.keys(CONVERT) as RosterField[]) {
    const cell = cells[field];
    if (!cell) {
      values[field] = null;
      continue;
    }
    const r = CONVERT[field](cell);
    if (r.ok) {
      values[field] = r.v;
      if (r.note) notes.push(problem(field, r.note));
    } else {
      values[field] = null;
      problems.push(problem(field, r.problem));
    }
  }
  return { values: values as unknown as RowValues, problems, notes };
}
