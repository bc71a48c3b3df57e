import { isUnder } from '../core/scope.js';

// What syncs, and who sees it: the one list of synced tables. The device's schema (db/schema.ts)
// checks at compile time that it has every table of SYNCED_TABLES; HQ knows the tables only
// through this file (it never imports db/).

/** The tables a device of this version keeps and syncs (each has the synced columns). */
export const SYNCED_TABLES = [
  'org_units', 'org_unit_links', 'outlets', 'party_orgs', 'party_org_outlets', 'party_org_committee', 'party_groups',
  'people', 'members', 'recruits', 'instructors', 'instructor_assignments', 'activities', 'activity_outlets',
  'attendance', 'settings', 'attachments', 'registry_audit', 'member_history', 'person_merges',
  'points_entries', 'points_publications', 'points_objections',
  'rectification_items', 'light_history', 'business_indicators',
  'quiz_questions', 'quiz_runs', 'quiz_attempts', 'quiz_rewards', 'quiz_redemptions', 'quiz_reports',
  'dues_bases', 'dues_payments', 'evaluations', 'evaluation_grades',
  'teams', 'team_members', 'team_outlets', 'pledges', 'milestone_goals', 'milestone_nodes',
  'pairings', 'pairing_parties', 'pairing_meetings', 'honours', 'accountability', 'reviews', 'review_findings',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** What HQ accepts: the device's tables, and those later issues add, listed now so that HQ takes them the day devices write them. */
export const SYNC_TABLES = [...SYNCED_TABLES, 'instructor_visits'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

const TABLE_SET = new Set<string>(SYNC_TABLES);
export const isSyncTable = (t: string): t is SyncTable => TABLE_SET.has(t);

/** Records that are only ever inserted (marks, ledger lines): concurrent writes there are not conflicts. */
export const APPEND_ONLY = new Set<string>([
  'attendance', 'points_entries', 'quiz_attempts', 'dues_payments', 'registry_audit', 'member_history', 'person_merges',
]);

/** Bookkeeping columns: last writer wins as usual, but losing one is not worth a conflict record. */
export const QUIET_COLUMNS = new Set<string>(['updated_at']);

/** Column names a device may send (also keeps SQL identifiers safe on every side). */
export const COLUMN_RE = /^[a-z][a-z0-9_]{0,62}$/;

/** Settings are reference data: a device also sees those set for any unit above its scope. */
export const INHERITED_TABLES = new Set<string>(['settings', 'quiz_questions', 'quiz_rewards']);

/** '/hq/xa/xa-lintong/' → ['/', '/hq/', '/hq/xa/', '/hq/xa/xa-lintong/'] */
export function ancestorPaths(scope: string): string[] {
  const parts = scope.split('/').filter(Boolean);
  const out = ['/'];
  let p = '/';
  for (const part of parts) out.push((p = `${p}${part}/`));
  return out;
}

/** Whether a row (table, scope_path) belongs on a device with this scope. */
export function isVisible(table: string, rowScope: string, deviceScope: string): boolean {
  if (isUnder(rowScope, deviceScope)) return true;
  return INHERITED_TABLES.has(table) && isUnder(deviceScope, rowScope);
}

export const SCOPE_RE = /^\/([a-z0-9][a-z0-9-]{0,39}\/){0,8}$/;
