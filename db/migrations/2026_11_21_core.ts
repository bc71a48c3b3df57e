// Frozen once landed. The core registry of DOMAIN.md.
// Synced tables carry id (UUIDv7), scope_path, created_at, updated_at and a `deleted` tombstone.
// They hold no FOREIGN KEY constraints between each other: sync delivers rows in any order and a
// row may arrive before the row it points at. The API checks references when a user writes.
import { sql, type Kysely } from 'kysely';

const synced = `
  scope_path TEXT NOT NULL,
  synthetic INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0`;

const statements = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,

  `CREATE TABLE org_units (
    id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('hq','city','county','grid')),
    parent_id TEXT, path TEXT NOT NULL, sort INTEGER NOT NULL DEFAULT 0, ${synced})`,
  `CREATE INDEX org_units_parent ON org_units(parent_id)`,
  `CREATE INDEX org_units_path ON org_units(path)`,

  // Time-valid parent links, so a past period's indicator can use the tree as it stood then.
  `CREATE TABLE org_unit_links (
    id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, parent_id TEXT,
    valid_from TEXT NOT NULL, valid_to TEXT, ${synced})`,
  `CREATE INDEX org_unit_links_unit ON org_unit_links(unit_id, valid_from)`,

  `CREATE TABLE outlets (
    id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
    channel_type TEXT NOT NULL CHECK (channel_type IN ('own_store','flagship','gov_ent','social_partner','rural',
      'micro_store','community_station','install_maint','outdoor')),
    county_id TEXT NOT NULL, grid_id TEXT, address TEXT, staff_count INTEGER NOT NULL DEFAULT 0,
    coverage_org_id TEXT, instructor_id TEXT, is_contact_point INTEGER NOT NULL DEFAULT 0,
    opened_on TEXT, closed_on TEXT, lat REAL, lng REAL, ${synced})`,
  `CREATE INDEX outlets_scope ON outlets(scope_path)`,
  `CREATE INDEX outlets_county ON outlets(county_id, channel_type)`,
  `CREATE INDEX outlets_code ON outlets(code)`,
  `CREATE INDEX outlets_coverage ON outlets(coverage_org_id)`,

  `CREATE TABLE party_orgs (
    id TEXT PRIMARY KEY, name TEXT NOT NULL,
    org_type TEXT NOT NULL CHECK (org_type IN ('committee','general_branch','branch','joint_branch','temp_branch')),
    setting_mode TEXT NOT NULL CHECK (setting_mode IN ('standalone','grid','mobile','paired','alliance')),
    pairing_ratio TEXT, alliance_sector TEXT, parent_org_id TEXT, unit_id TEXT NOT NULL,
    secretary_person_id TEXT, term_start TEXT, term_end TEXT, ${synced})`,
  `CREATE INDEX party_orgs_unit ON party_orgs(unit_id)`,
  `CREATE INDEX party_orgs_scope ON party_orgs(scope_path)`,

  `CREATE TABLE party_org_outlets (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, outlet_id TEXT NOT NULL, ${synced})`,
  `CREATE INDEX party_org_outlets_org ON party_org_outlets(org_id)`,
  `CREATE INDEX party_org_outlets_outlet ON party_org_outlets(outlet_id)`,

  `CREATE TABLE party_org_committee (
    id TEXT PRIMARY KEY, org_id TEXT NOT NULL, person_id TEXT NOT NULL, role TEXT NOT NULL, ${synced})`,
  `CREATE INDEX party_org_committee_org ON party_org_committee(org_id)`,

  `CREATE TABLE party_groups (
    id TEXT PRIMARY KEY, branch_id TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('regular','mobile','grid')), leader_person_id TEXT, ${synced})`,
  `CREATE INDEX party_groups_branch ON party_groups(branch_id)`,

  `CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, gender TEXT, ethnicity TEXT, birth_date TEXT, citizen_id TEXT,
    phone TEXT, education TEXT, outlet_id TEXT, post TEXT, employment TEXT,
    political_status TEXT NOT NULL CHECK (political_status IN ('full_member','probationary','youth_league','other_party','independent','masses')),
    consent_on TEXT, notes TEXT, ${synced})`,
  `CREATE INDEX people_scope_name ON people(scope_path, name)`,
  `CREATE INDEX people_name ON people(name)`,
  `CREATE INDEX people_outlet ON people(outlet_id)`,
  `CREATE INDEX people_citizen_id ON people(citizen_id)`,
  `CREATE INDEX people_phone ON people(phone)`,
  `CREATE INDEX people_status ON people(political_status)`,

  `CREATE TABLE members (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL, branch_id TEXT NOT NULL, group_id TEXT,
    join_date TEXT NOT NULL, full_date TEXT,
    standing TEXT NOT NULL DEFAULT 'normal' CHECK (standing IN ('normal','suspended','removed','expelled','deceased')),
    mobility TEXT NOT NULL DEFAULT 'none' CHECK (mobility IN ('none','outbound','inbound')),
    mobility_destination TEXT, mobility_since TEXT, mobility_card_no TEXT,
    lost_contact INTEGER NOT NULL DEFAULT 0, lost_contact_since TEXT, lost_contact_reason TEXT,
    dues_base_type TEXT NOT NULL DEFAULT 'wage', ${synced})`,
  `CREATE INDEX members_person ON members(person_id)`,
  `CREATE INDEX members_branch ON members(branch_id)`,

  `CREATE TABLE recruits (
    id TEXT PRIMARY KEY, person_id TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('applicant','activist','candidate','probationary','full','cancelled')),
    applied_on TEXT, activist_on TEXT, candidate_on TEXT, probationary_on TEXT, full_on TEXT, cancelled_on TEXT,
    cultivator1_id TEXT, cultivator2_id TEXT, introducer1_id TEXT, introducer2_id TEXT,
    training_hours REAL NOT NULL DEFAULT 0, ${synced})`,
  `CREATE INDEX recruits_person ON recruits(person_id)`,

  `CREATE TABLE instructors (
    id TEXT PRIMARY KEY, person_id TEXT, name TEXT NOT NULL, phone TEXT, unit_id TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1, ${synced})`,
  `CREATE INDEX instructors_unit ON instructors(unit_id)`,

  `CREATE TABLE instructor_assignments (
    id TEXT PRIMARY KEY, instructor_id TEXT NOT NULL, outlet_id TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_to TEXT, ${synced})`,
  `CREATE INDEX instructor_assignments_instructor ON instructor_assignments(instructor_id)`,
  `CREATE INDEX instructor_assignments_outlet ON instructor_assignments(outlet_id)`,

  `CREATE TABLE activities (
    id TEXT PRIMARY KEY, org_id TEXT, type TEXT NOT NULL, title TEXT NOT NULL,
    held_on TEXT NOT NULL, start_time TEXT, duration_min INTEGER, place TEXT,
    host_person_id TEXT, recorder_person_id TEXT, lecturer_person_id TEXT, topic TEXT, agenda TEXT,
    minutes TEXT, resolutions_json TEXT, reach_count INTEGER, details_json TEXT,
    recorded_by TEXT, device_id TEXT, ${synced})`,
  `CREATE INDEX activities_org ON activities(org_id, type, held_on)`,
  `CREATE INDEX activities_scope ON activities(scope_path, held_on)`,

  `CREATE TABLE activity_outlets (id TEXT PRIMARY KEY, activity_id TEXT NOT NULL, outlet_id TEXT NOT NULL, ${synced})`,
  `CREATE INDEX activity_outlets_activity ON activity_outlets(activity_id)`,
  `CREATE INDEX activity_outlets_outlet ON activity_outlets(outlet_id)`,

  `CREATE TABLE attendance (
    id TEXT PRIMARY KEY, activity_id TEXT NOT NULL, person_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('present','absent','excused')), reason TEXT, ${synced})`,
  `CREATE INDEX attendance_activity ON attendance(activity_id)`,
  `CREATE INDEX attendance_person ON attendance(person_id)`,

  // Reference data sent down by HQ (thresholds, weights, cadences) and local overrides.
  `CREATE TABLE settings (id TEXT PRIMARY KEY, key TEXT NOT NULL, value_json TEXT NOT NULL, ${synced})`,
  `CREATE INDEX settings_key ON settings(key)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
