// Value mapping: each distinct value of the file that names no record or code by itself
// ("营业部支部", "装维师傅"), mapped once — to an existing record or code, to a branch to create, or to
// nothing — instead of being fixed row by row. The user's choices come with the request; where
// they say nothing, the choice remembered from this user's last import in this scope applies.
import { uuidv7 } from '../../../shared/core/ids.js';
import { EDUCATION, EMPLOYMENT, ETHNICITIES, POLITICAL_STATUS, POSTS, STANDINGS, type Labelled } from '../../../shared/domain/enums.js';
import { cleanText } from '../../../shared/domain/text.js';
import { VALUE_FIELDS, type ValueField } from '../../../shared/people/headers.js';
import type { ValueChoice, ValueTarget } from '../../../shared/people/schemas/import.js';
import type { Place, Unit } from './lookups.js';

export const ENUMS: Record<Exclude<ValueField, 'branch' | 'outletName' | 'outletCode' | 'ethnicity'>, Labelled> = {
  post: POSTS, education: EDUCATION, politicalStatus: POLITICAL_STATUS, employment: EMPLOYMENT, standing: STANDINGS,
};

export function isCode(field: ValueField, target: string): boolean {
  if (field === 'ethnicity') return (ETHNICITIES as readonly string[]).includes(target);
  const table = ENUMS[field as keyof typeof ENUMS];
  return !!table && Object.hasOwn(table, target);
}

export const valueKey = (field: ValueField, value: string) => `${field}\u0000${cleanText(value)}`;

/** A value seen in the file, for the preview's mapping list. */
export interface SeenValue {
  field: ValueField;
  value: string;
  rows: number;
  reason: 'unknown' | 'ambiguous';
  /** Records sharing the name, when it is ambiguous. */
  namesakes: Place[];
  /** Scope paths of the outlets of its rows: where a branch created for it belongs. */
  outletPaths: Set<string>;
  choice: ValueTarget | null;
  source: 'input' | 'remembered' | null;
}

/** A branch the import will create at commit; its rows carry `placeholder` as branch id until then. */
export interface PendingBranch {
  key: string;
  placeholder: string;
  name: string;
  unit: Unit;
}

export type Resolution<T> = { kind: 'value'; v: T } | { kind: 'blank' } | { kind: 'unmapped' };

export class ValueBook {
  private readonly given = new Map<string, ValueTarget>();
  readonly seen = new Map<string, SeenValue>();
  readonly pending = new Map<string, PendingBranch>();

  constructor(
    choices: ValueChoice[],
    private readonly remembered: Map<string, ValueTarget>,
    private readonly units: Map<string, Unit>,
  ) {
    for (const c of choices) this.given.set(valueKey(c.field, c.value), c.to);
  }

  /** Record ids the choices (given or remembered) point at in these fields, to load them by id. */
  targets(fields: ValueField[]): string[] {
    const out: string[] = [];
    for (const map of [this.given, this.remembered]) {
      for (const [key, to] of map) if (to.kind === 'existing' && fields.some((f) => key.startsWith(`${f}\u0000`))) out.push(to.target);
    }
    return out;
  }

  /** An unreadable code (岗位 "综合岗"): the code it is mapped to, blank, or unmapped. */
  code(field: ValueField, value: string): Resolution<string> {
    return this.resolve(field, value, 'unknown', [], null, (to) => (to.kind === 'existing' && isCode(field, to.target) ? to.target : undefined));
  }

  /** A reference that matched no record, or several: the record it is mapped to, blank, or unmapped. */
  place(field: ValueField, value: string, namesakes: Place[], outletPath: string | null, byId: (id: string) => Place | undefined): Resolution<Place> {
    return this.resolve(field, value, namesakes.length ? 'ambiguous' : 'unknown', namesakes, outletPath, (to) => {
      if (to.kind === 'existing') return byId(to.target);
      if (to.kind !== 'create' || namesakes.length || !canCreate(field, value)) return undefined;
      const unit = this.units.get(to.unitId);
      return unit ? this.pendingBranch(value, unit) : undefined;
    });
  }

  private resolve<T>(field: ValueField, value: string, reason: SeenValue['reason'], namesakes: Place[], outletPath: string | null, target: (to: ValueTarget) => T | undefined): Resolution<T> {
    const key = valueKey(field, value);
    let seen = this.seen.get(key);
    if (!seen) {
      seen = { field, value: cleanText(value), rows: 0, reason, namesakes, outletPaths: new Set(), choice: null, source: null };
      this.seen.set(key, seen);
      // A choice that no longer holds (a record deleted since it was remembered) is dropped.
      for (const [to, source] of [[this.given.get(key), 'input'], [this.remembered.get(key), 'remembered']] as const) {
        if (!to || seen.choice) continue;
        if ((to.kind === 'blank' && VALUE_FIELDS[field].blank) || (to.kind !== 'blank' && target(to) !== undefined)) {
          seen.choice = to;
          seen.source = source;
        }
      }
    }
    seen.rows++;
    if (outletPath) seen.outletPaths.add(outletPath);
    if (!seen.choice) return { kind: 'unmapped' };
    if (seen.choice.kind === 'blank') return { kind: 'blank' };
    return { kind: 'value', v: target(seen.choice)! };
  }

  private pendingBranch(value: string, unit: Unit): Place {
    const key = `${valueKey('branch', value)}\u0000${unit.id}`;
    let p = this.pending.get(key);
    if (!p) {
      p = { key: valueKey('branch', value), placeholder: uuidv7(), name: cleanText(value), unit };
      this.pending.set(key, p);
    }
    return { id: p.placeholder, name: p.name, scope_path: unit.path };
  }
}

/**
 * A branch is created only from a full branch name (…支部): an abbreviation such as "营业部"
 * would become a branch nobody can find again, so it must be mapped to the branch it stands for.
 */
export function canCreate(field: ValueField, value: string): boolean {
  return VALUE_FIELDS[field].create && /支部$/.test(cleanText(value)) && cleanText(value).length <= 80;
}
