// Compile-time check: every column of every synced table in the device's schema is declared in
// shared/sync/columns.ts, which is all HQ stores and serves. A column missing there would be
// refused by HQ on every write; this makes it a type error here instead (the error names it).
import type { COMMON_COLUMNS, OWN_COLUMNS } from '../../shared/sync/columns.js';
import type { SyncedTable } from '../../shared/sync/tables.js';
import type { DB } from '../schema.js';

type Declared<T extends string> = T extends keyof typeof OWN_COLUMNS ? (typeof OWN_COLUMNS)[T][number] | (typeof COMMON_COLUMNS)[number] : never;

/** `table.column` of each device column HQ would not take; must be never. */
export type UndeclaredSyncedColumn = {
  [T in SyncedTable & keyof DB]: `${T}.${Exclude<Exclude<keyof DB[T] & string, 'id'>, Declared<T>>}`;
}[SyncedTable & keyof DB];

const _everySyncedColumnDeclared: [UndeclaredSyncedColumn] extends [never] ? true : UndeclaredSyncedColumn = true;
void _everySyncedColumnDeclared;
