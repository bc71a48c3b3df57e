// What the migration fixtures share: a fixture's shape, one timestamp and the bookkeeping columns.
import type Database from 'better-sqlite3';

export type Fixture = (raw: Database.Database) => void;

export const T = '2026-01-05T08:00:00.000Z';
export const S = `scope_path, created_at, updated_at`;
