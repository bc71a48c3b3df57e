// HQ's migrations, run by Kysely's Migrator when a store opens (hq/migrate.ts). Each takes the
// dialect, since HQ runs the same schema on SQLite and PostgreSQL with a few words changed.
// Names sort by date; append new migrations, never edit a landed one.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../schema.js';
import * as core from './2026_12_03_core.js';
import * as blobHolders from './2026_12_04_blob_holders.js';
import * as signKeys from './2026_12_04_sign_keys.js';
import * as usage from './2026_12_04_usage.js';
import * as consoleTables from './2026_12_05_console.js';
import * as history from './2026_12_05_history.js';
import * as deviceReports from './2026_12_06_device_reports.js';
import * as countyTotals from './2026_12_07_county_totals.js';
import * as duesSecretary from './2026_12_07_dues_secretary.js';
import * as rowStamps from './2026_12_08_row_stamps.js';
import * as historyHead from './2026_12_09_history_head.js';

const list: Record<string, { up(db: Kysely<any>, d: Dialect): Promise<void> }> = {
  '2026_12_03_core': core,
  '2026_12_04_blob_holders': blobHolders,
  '2026_12_04_sign_keys': signKeys,
  '2026_12_04_usage': usage,
  '2026_12_05_console': consoleTables,
  '2026_12_05_history': history,
  '2026_12_06_device_reports': deviceReports,
  '2026_12_07_county_totals': countyTotals,
  '2026_12_07_dues_secretary': duesSecretary,
  '2026_12_08_row_stamps': rowStamps,
  '2026_12_09_history_head': historyHead,
};

export function hqMigrations(d: Dialect): Record<string, Migration> {
  return Object.fromEntries(Object.entries(list).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, d) }]));
}
