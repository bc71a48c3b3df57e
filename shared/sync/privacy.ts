// Sensitive values on the wire (DOMAIN.md, Privacy): instructors and auditors never see full
// citizen ids and phone numbers (db/people/privacy.ts), so HQ never sends them those values —
// pulls, conflict records and push answers carry the masked form — and a masked value coming
// back is never taken as a change: HQ ignores it, and the device does not capture it.
import type { Role } from '../domain/enums.js';
import { maskCitizenId, maskPhone } from '../domain/citizenId.js';
import type { CellValue } from './protocol.js';
import { DUES_AMOUNT_COLUMNS, seesDuesAmounts } from '../dues/privacy.js';
import { maskGrade } from '../evaluation/rules.js';
import { maySeeAccountability } from '../honours/rules.js';

/** Columns whose full value only some roles may hold, with how they are masked. */
export const REDACTED_COLUMNS: Readonly<Record<string, Readonly<Record<string, (v: string) => string | null>>>> = {
  people: { citizen_id: maskCitizenId, phone: maskPhone },
  // democratic review grades below 优秀 (a negative outcome is sensitive)
  evaluation_grades: { grade: maskGrade },
};

/**
 * Tables a role that may not read them never receives at all, not even masked: a 约谈提醒 or 限期整改
 * record is a negative outcome by its mere existence (who was talked to, and why), and its outcome
 * column admits no masked value. Those roles cannot write them either (shared/sync/rights.ts).
 */
const WITHHELD_TABLES: Readonly<Record<string, (role: Role) => boolean>> = {
  accountability: maySeeAccountability,
};

export const isWithheld = (role: Role, table: string): boolean => {
  const sees = WITHHELD_TABLES[table];
  return sees !== undefined && !sees(role);
};

/** The same rule as the detail screen's reveal (db/context.ts canSeeFullIds). */
export const seesFullValues = (role: Role): boolean => role === 'county_organiser' || role === 'hq_admin';

export const isRedactedColumn = (table: string, col: string): boolean => REDACTED_COLUMNS[table]?.[col] !== undefined;

/** Masking writes '*', which no real citizen id or phone number holds. */
export const looksMasked = (v: CellValue): boolean => typeof v === 'string' && v.includes('*');

/**
 * Columns a role that may not read them receives as null: the private part of a three-list item
 * opened from a negative outcome (the member, grade and rank, shared/assessment/itemPrivacy.ts).
 * Its public columns stay, so the item itself (neutral title, owner, due date, status) syncs.
 */
export const PRIVATE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  rectification_items: ['private_title', 'private_detail'],
};

export const isPrivateColumn = (table: string, col: string): boolean => PRIVATE_COLUMNS[table]?.includes(col) ?? false;

/**
 * Rows whose very subject is private: a three-list item opened from points names the member in its
 * subject (being listed is the negative outcome), so for those rows the subject, the reference to
 * the publication and the evidence go as null too. Other items keep them (an outlet, a branch).
 */
const PRIVATE_ROW_COLUMNS: Readonly<Record<string, { when: (source: unknown) => boolean; cols: readonly string[]; fillable: readonly string[] }>> = {
  // the owner may still hand in evidence of the work done (never clear it)
  rectification_items: { when: (source) => source === 'points', cols: ['subject_kind', 'subject_id', 'source_ref', 'evidence'], fillable: ['evidence'] },
};

/** Of a private row's columns, those its holder may still fill in (with a value, never null). */
export const fillablePrivateColumns = (table: string): readonly string[] => PRIVATE_ROW_COLUMNS[table]?.fillable ?? [];

/** Columns of this row (given its `source` value) a role that may not read it receives as null. */
export function privateRowColumns(role: Role, table: string, source: unknown): readonly string[] {
  const rule = PRIVATE_ROW_COLUMNS[table];
  return rule && !seesFullValues(role) && rule.when(source) ? rule.cols : [];
}

/**
 * Everything the redaction of a row depends on, explicit so that a cache of redacted answers (a
 * first sync's snapshot) can key on it: the device's role, and the members whose dues amounts it may
 * hold besides what the role allows — those of the branches its person is secretary of, read from
 * the data at each pull (hq/duesReveal.ts). `secretaryOf` is what `duesPersons` was derived from.
 */
export interface DuesViewer {
  role: Role;
  secretaryOf: readonly string[];
  duesPersons: ReadonlySet<string>;
}

/** A cache key for the redaction of a viewer: two viewers with the same key receive the same cells. */
export const redactionKey = (v: DuesViewer): string => `${v.role}|${[...v.duesPersons].sort().join(',')}`;

/** Who receives a cell: a role, or a device as a viewer (an actor without the sets is its role alone). */
export type Receiver = Role | (Pick<DuesViewer, 'role'> & Partial<DuesViewer>);

/**
 * The value as a device of this role may receive it. Given the row's cells and a viewer, a dues
 * amount goes unredacted to the member's branch secretary (`viewer.duesPersons`, by the row's person).
 */
export function redactFor(who: Receiver, table: string, col: string, value: CellValue, cells?: Readonly<Record<string, readonly unknown[] | undefined>>): CellValue {
  const role = typeof who === 'string' ? who : who.role;
  // dues amounts reveal income: a role that may not see them gets no number at all
  if (DUES_AMOUNT_COLUMNS[table]?.includes(col)) {
    const person = cells?.person_id?.[0];
    const secretary = typeof who !== 'string' && typeof person === 'string' && who.duesPersons?.has(person) === true;
    return seesDuesAmounts(role) || secretary ? value : null;
  }
  if (isPrivateColumn(table, col)) return seesFullValues(role) ? value : null;
  const mask = REDACTED_COLUMNS[table]?.[col];
  if (!mask || seesFullValues(role) || typeof value !== 'string') return value;
  return mask(value);
}
