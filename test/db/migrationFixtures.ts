// Representative rows for the schema as each migration leaves it. The migration test loads the
// fixtures of every earlier migration, moves the database one step, and checks nothing was lost.
// A new migration adds its entry in migrationFixturesLater.ts (the test fails without one).
import { laterFixtures } from './migrationFixturesLater.js';
import { S, T, type Fixture } from './migrationFixtureParts.js';

const earlier: Record<string, Fixture> = {
  '2026_11_21_core': (raw) => {
    raw.exec(`
      INSERT INTO meta (key, value) VALUES ('device_id', '0190a000-0000-7000-8000-00000000d001');
      INSERT INTO org_units (id, code, name, level, parent_id, path, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000001', 'hq', '省公司', 'hq', NULL, '/hq/', '/hq/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-000000000002', 'xa', '西安', 'city', '0190a000-0000-7000-8000-000000000001', '/hq/xa/', '/hq/xa/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-000000000003', 'lt', '临潼', 'county', '0190a000-0000-7000-8000-000000000002', '/hq/xa/lt/', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO org_unit_links (id, unit_id, parent_id, valid_from, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000004', '0190a000-0000-7000-8000-000000000003', '0190a000-0000-7000-8000-000000000002', '2026-01-01', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO party_orgs (id, name, org_type, setting_mode, unit_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000010', '临潼营业部党支部', 'branch', 'standalone', '0190a000-0000-7000-8000-000000000003', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO outlets (id, code, name, channel_type, county_id, staff_count, coverage_org_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000020', 'LT001', '骊山路营业厅', 'own_store', '0190a000-0000-7000-8000-000000000003', 8, '0190a000-0000-7000-8000-000000000010', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO party_org_outlets (id, org_id, outlet_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000021', '0190a000-0000-7000-8000-000000000010', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO people (id, name, gender, birth_date, citizen_id, phone, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000030', '张三', 'male', '1949-12-31', '11010519491231002X', '13912345678', '0190a000-0000-7000-8000-000000000020', 'full_member', '/hq/xa/lt/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-000000000031', '李四', 'female', '1990-01-01', NULL, NULL, '0190a000-0000-7000-8000-000000000020', 'masses', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO members (id, person_id, branch_id, join_date, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000040', '0190a000-0000-7000-8000-000000000030', '0190a000-0000-7000-8000-000000000010', '1975-07-01', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO recruits (id, person_id, stage, applied_on, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000050', '0190a000-0000-7000-8000-000000000031', 'applicant', '2025-03-01', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO party_groups (id, branch_id, name, kind, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000060', '0190a000-0000-7000-8000-000000000010', '第一党小组', 'regular', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO party_org_committee (id, org_id, person_id, role, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000061', '0190a000-0000-7000-8000-000000000010', '0190a000-0000-7000-8000-000000000030', 'secretary', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO instructors (id, name, unit_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000070', '赵指导', '0190a000-0000-7000-8000-000000000003', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO instructor_assignments (id, instructor_id, outlet_id, valid_from, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000071', '0190a000-0000-7000-8000-000000000070', '0190a000-0000-7000-8000-000000000020', '2026-01-01', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO activities (id, org_id, type, title, held_on, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000080', '0190a000-0000-7000-8000-000000000010', 'theme_day', '一月主题党日', '2026-01-05', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO activity_outlets (id, activity_id, outlet_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000081', '0190a000-0000-7000-8000-000000000080', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO attendance (id, activity_id, person_id, status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000082', '0190a000-0000-7000-8000-000000000080', '0190a000-0000-7000-8000-000000000030', 'present', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO settings (id, key, value_json, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000090', 'warnings.attendance.green', '0.9', '/', '${T}', '${T}');
    `);
  },
  // The device side of sync: an unsent change, a held clock, a conflict and a rejection to show.
  '2026_11_22_sync': (raw) => {
    raw.exec(`
      INSERT INTO sync_outbox (tbl, row_id, hlc, scope, cols) VALUES
        ('people', '0190a000-0000-7000-8000-000000000030', '0190a0000000-0000-d001', '/hq/xa/lt/', '{"phone":"13912345679"}');
      INSERT INTO sync_row_clock (tbl, row_id, hlc) VALUES ('people', '0190a000-0000-7000-8000-000000000030', '0190a0000000-0000-d001');
      INSERT INTO sync_conflicts (id, version, tbl, row_id, col, scope_path, loser_value, loser_hlc, loser_device, loser_user,
        winner_value, winner_hlc, winner_device, winner_user) VALUES
        ('0190a000-0000-7000-8000-000000000c01', 7, 'people', '0190a000-0000-7000-8000-000000000030', 'phone', '/hq/xa/lt/',
         '"13912345670"', '0190a0000000-0000-d002', 'd2', '王五', '"13912345679"', '0190a0000000-0001-d001', 'd1', '李四');
      INSERT INTO sync_rejections (seq, tbl, row_id, hlc, cols, code, reason_zh, reason_en, at) VALUES
        (1, 'org_units', '0190a000-0000-7000-8000-000000000001', '0190a0000000-0000-d001', '{"name":"x"}', 'forbidden', '无权修改组织单位', 'Not allowed', '${T}');
    `);
  },
  // The registry's synced records; the search index fills itself from people (a trigger on insert).
  '2026_11_23_registry': (raw) => {
    raw.exec(`
      INSERT INTO registry_audit (id, kind, subject_id, description, row_count, user_name, role, device_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000b01', 'reveal', '0190a000-0000-7000-8000-000000000030', '查看完整身份证号和手机号：张三', 1, '刘组织员', 'county_organiser', '0190a000-0000-7000-8000-00000000d001', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO member_history (id, person_id, kind, from_value, to_value, on_date, recorded_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000b02', '0190a000-0000-7000-8000-000000000030', 'standing', 'normal', 'suspended', '2026-01-05', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO person_merges (id, survivor_id, loser_id, reason, loser_snapshot_json, repointed_json, merged_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000b03', '0190a000-0000-7000-8000-000000000030', '0190a000-0000-7000-8000-000000000b04', 'manual', '{}', '[]', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO people (id, name, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000b05', '单雄信', 'masses', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // Org life: a held theme day's status and a photo attached to it.
  '2026_11_24_orglife': (raw) => {
    raw.exec(`
      UPDATE activities SET status = 'held' WHERE id = '0190a000-0000-7000-8000-000000000080';
      INSERT INTO attachments (id, activity_id, kind, sha256, mime, size, file_name, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000d01', '0190a000-0000-7000-8000-000000000080', 'photo',
         'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'image/jpeg', 1024, '主题党日.jpg', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // Indexes only: one more person, read back through them by the people list.
  '2026_11_25_people_indexes': (raw) => {
    raw.exec(`
      INSERT INTO people (id, name, gender, birth_date, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000a25', '王五', 'male', '1988-08-08', '0190a000-0000-7000-8000-000000000020', 'probationary', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // The outbox rebuilt without AUTOINCREMENT: a waiting write above the marker of the last one sent.
  '2026_11_26_sync_outbox': (raw) => {
    raw.exec(`
      INSERT INTO sync_outbox (tbl, row_id, hlc, scope, cols) VALUES
        ('outlets', '0190a000-0000-7000-8000-000000000020', '0190a0000001-0000-d001', '/hq/xa/lt/', '{"staff_count":9}');
    `);
  },
  // A deferred search refresh: a person and a member written under the deferral, then flushed.
  '2026_11_27_search_deferred': (raw) => {
    raw.exec(`
      INSERT INTO people_search_defer (on_since) VALUES ('${T}');
      INSERT INTO people (id, name, gender, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000a27', '罗成', 'male', '0190a000-0000-7000-8000-000000000020', 'full_member', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO members (id, person_id, branch_id, join_date, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000a28', '0190a000-0000-7000-8000-000000000a27', '0190a000-0000-7000-8000-000000000010', '1999-07-01', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO people_search_flush (go) VALUES (1);
    `);
  },
  '2026_11_28_search_slim': (raw) => {
    raw.exec(`
      INSERT INTO people (id, name, gender, citizen_id, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000a29', '欧阳明', 'male', '610115198807070015', '0190a000-0000-7000-8000-000000000020', 'masses', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A photo both here and at HQ.
  '2026_11_29_sync_blobs': (raw) => {
    raw.exec(`
      INSERT INTO sync_blob_synced (device_id, sha256, at) VALUES
        ('0190a000-0000-7000-8000-00000000d001', '${'ab'.repeat(32)}', '${T}');
    `);
  },
  // Rows the dropped indexes covered: the longer indexes must still find them.
  '2026_11_30_redundant_indexes': (raw) => {
    raw.exec(`
      INSERT INTO people (id, name, gender, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-000000000a30', '王五', 'male', '0190a000-0000-7000-8000-000000000020', 'probationary', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  '2026_12_01_sync_relay': (raw) => {
    raw.exec(`
      INSERT INTO sync_relay_imports (answer_id, bundle_id, made_at, imported_at, summary) VALUES
        ('0190a000-0000-7000-8000-00000000e001', '0190a000-0000-7000-8000-00000000e000', '${T}', '${T}', '{"uploaded":1}');
    `);
  },
  // A county office's words remembered: a branch nickname picked, a job title left blank.
  '2026_12_03_import_mappings': (raw) => {
    raw.exec(`
      INSERT INTO import_value_mappings (user_name, scope_path, field, value, kind, target, updated_at) VALUES
        ('刘组织员', '/hq/xa/lt/', 'branch', '营业部支部', 'existing', '0190a000-0000-7000-8000-000000000010', '${T}'),
        ('刘组织员', '/hq/xa/lt/', 'post', '综合岗', 'blank', NULL, '${T}');
    `);
  },
  // An escalation's rectification item on the branch and the two red months that opened it.
  '2026_12_04_assessment': (raw) => {
    raw.exec(`
      INSERT INTO rectification_items (id, kind, title, subject_kind, subject_id, owner_person_id, due_on, status, source, source_ref, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000b001', 'rectification', '整改：临潼营业部党支部（月度主题党日）', 'org', '0190a000-0000-7000-8000-000000000010',
         '0190a000-0000-7000-8000-000000000030', '2026-02-28', 'open', 'warning', 'esc|org:0190a000-0000-7000-8000-000000000010|meetings_monthly|2026-01|rectify', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO light_history (id, subject_kind, subject_id, indicator, period, colour, value, computed_at, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000b002', 'org', '0190a000-0000-7000-8000-000000000010', 'meetings_monthly', '2025-12', 'red', 1, '${T}', '/hq/xa/lt/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-00000000b003', 'org', '0190a000-0000-7000-8000-000000000010', 'meetings_monthly', '2026-01', 'red', 1, '${T}', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A member's ledger line, a published quarter and an objection to it.
  '2026_12_04_points': (raw) => {
    raw.exec(`
      INSERT INTO points_entries (id, person_id, org_id, quarter, occurred_on, item_key, points, source, source_ref, reason, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f001', '0190a000-0000-7000-8000-000000000030', '0190a000-0000-7000-8000-000000000010', '2026-Q1', '2026-01-05',
         'theme_day', 2, 'auto', 'attendance:0190a000-0000-7000-8000-000000000080:0190a000-0000-7000-8000-000000000030', '参加主题党日', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO points_publications (id, org_id, quarter, status, published_at, published_by, window_ends, rules_json, published_json, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f002', '0190a000-0000-7000-8000-000000000010', '2026-Q1', 'published', '${T}', '刘组织员', '2026-04-12', '{}', '{"entryIds":[]}', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO points_objections (id, publication_id, person_id, text, raised_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f003', '0190a000-0000-7000-8000-00000000f002', '0190a000-0000-7000-8000-000000000030', '主题党日次数有误', '赵指导', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  '2026_12_04_business_indicators': (raw) => {
    raw.exec(`
      INSERT INTO business_indicators (id, outlet_id, period, indicator, value, source, note, entered_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f101', '0190a000-0000-7000-8000-000000000020', '2026-Q1', 'revenue_growth', 0.062, 'import', NULL, '刘组织员', '/hq/xa/lt/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-00000000f102', '0190a000-0000-7000-8000-000000000020', '2026-Q1', 'satisfaction', 92.5, 'manual', '季度客户回访', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
};

export const fixtures: Record<string, Fixture> = { ...earlier, ...laterFixtures };
