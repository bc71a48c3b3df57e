// Which values of history point at another record, and which records can name themselves: ids are
// UUIDs unique across tables, so a referenced id is looked up in each table that has a name (the
// device in its store, db/history/refs.ts; HQ in hq_rows, hq/history/names.ts).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_REFERENCES = new Set(['citizen_id', 'device_id']);

/** Tables whose records a reference can name, and the column that names them. */
export const NAMED_TABLES: readonly (readonly [table: string, column: string])[] = [
  ['people', 'name'], ['outlets', 'name'], ['org_units', 'name'], ['party_orgs', 'name'], ['party_groups', 'name'], ['instructors', 'name'],
  ['activities', 'title'], ['teams', 'name'], ['pairings', 'title'], ['milestone_goals', 'title'], ['milestone_nodes', 'title'], ['rectification_items', 'title'],
];

export const isReference = (col: string, v: string | null): v is string => v !== null && col.endsWith('_id') && !NOT_REFERENCES.has(col) && UUID.test(v);

/** A value beside the name of the record it points at, for a file an auditor reads: 名称（id）. */
export const named = (v: string | null, name: string | undefined): string | null => (name && v ? `${name}（${v}）` : v);
