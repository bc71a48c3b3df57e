// Frozen once landed. 党建和创 / 结对共建 (issue 13 item 5), synced:
// - pairings: an agreement led by one organisation, 1:1 or 1:N, with its cadence of joint
//   meetings (unit month or quarter, how many), signing date, period and terms.
// - pairing_parties: its partners — an organisation of the registry, or one outside it by name.
// - pairing_meetings: which joint meetings (activities of type joint_meeting) count for it.
// No FOREIGN KEYs between synced tables (sync may deliver a row before the one it points to).
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE pairings (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL, title TEXT NOT NULL,
    ratio TEXT NOT NULL CHECK (ratio IN ('one_to_one','one_to_many')),
    cadence_unit TEXT NOT NULL CHECK (cadence_unit IN ('month','quarter')), cadence_min INTEGER NOT NULL,
    signed_on TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT, terms TEXT NOT NULL, created_by TEXT NOT NULL, ${synced})`,
  `CREATE INDEX pairings_scope ON pairings(scope_path, starts_on)`,
  `CREATE TABLE pairing_parties (id TEXT PRIMARY KEY, pairing_id TEXT NOT NULL, org_id TEXT, outside_name TEXT, ${synced})`,
  `CREATE INDEX pairing_parties_pairing ON pairing_parties(pairing_id)`,
  `CREATE TABLE pairing_meetings (id TEXT PRIMARY KEY, pairing_id TEXT NOT NULL, activity_id TEXT NOT NULL, ${synced})`,
  `CREATE INDEX pairing_meetings_pairing ON pairing_meetings(pairing_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
