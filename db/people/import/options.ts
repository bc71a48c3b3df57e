// The preview's value-mapping list: every value that named nothing by itself, with the records or
// codes it may be mapped to (closest first), whether it may be left blank or created, and the org
// unit a created branch would belong to.
import { isUnder } from '../../../shared/core/scope.js';
import { ETHNICITIES } from '../../../shared/domain/enums.js';
import { VALUE_FIELDS } from '../../../shared/people/headers.js';
import type { ImportValue, ImportValueOption } from '../../../shared/people/types.js';
import type { Db } from '../../context.js';
import { outletsInScope, type Place, type Unit } from './lookups.js';
import { closest } from './similar.js';
import { canCreate, ENUMS, type SeenValue, type ValueBook } from './values.js';

const placeOption = (p: Place): ImportValueOption => ({ id: p.id, label: p.name, labelEn: p.name, ...(p.hint ? { hint: p.hint } : {}) });

/** The unit a branch created for this value belongs to: the one its rows' outlets share, else the only candidate. */
function suggestedUnit(seen: SeenValue, units: Unit[], scope: string): string | null {
  const paths = [...seen.outletPaths];
  if (paths.length === 1) {
    // The deepest unit holding the outlet: a grid's outlet gets a branch of that grid's county or grid.
    const holder = units.filter((u) => isUnder(paths[0]!, u.path)).sort((a, b) => b.path.length - a.path.length)[0];
    if (holder) return holder.id;
  }
  return units.find((u) => u.path === scope)?.id ?? (units.length === 1 ? units[0]!.id : null);
}

export async function valueList(db: Db, o: { book: ValueBook; orgs: Place[]; units: Unit[]; scope: string }): Promise<ImportValue[]> {
  const seen = [...o.book.seen.values()];
  const needOutlets = seen.some((s) => s.field === 'outletName' || s.field === 'outletCode');
  const outlets = needOutlets ? await outletsInScope(db, o.scope) : [];
  return seen.map((s): ImportValue => {
    let options: ImportValueOption[];
    if (s.field === 'branch') {
      const rest = o.orgs.filter((x) => !s.namesakes.includes(x));
      options = [...s.namesakes, ...closest(s.value, rest, (x) => x.name)].map(placeOption);
    } else if (s.field === 'outletName' || s.field === 'outletCode') {
      const text = (x: Place) => (s.field === 'outletCode' ? (x.hint ?? '') : x.name);
      const rest = outlets.filter((x) => !s.namesakes.some((n) => n.id === x.id));
      options = [...s.namesakes, ...closest(s.value, rest, text)].map(placeOption);
    } else if (s.field === 'ethnicity') {
      options = closest(s.value, [...ETHNICITIES], (e) => e, 60).map((e) => ({ id: e, label: e, labelEn: e }));
    } else {
      const table = ENUMS[s.field];
      options = closest(s.value, Object.keys(table), (k) => table[k]!.zh, 60).map((k) => ({ id: k, label: table[k]!.zh, labelEn: table[k]!.en }));
    }
    const create = s.reason === 'unknown' && canCreate(s.field, s.value) && o.units.length > 0;
    return {
      field: s.field, value: s.value, rows: s.rows, reason: s.reason, choice: s.choice, source: s.source, options,
      canBlank: VALUE_FIELDS[s.field].blank, canCreate: create, suggestedUnitId: create ? suggestedUnit(s, o.units, o.scope) : null,
    };
  });
}
