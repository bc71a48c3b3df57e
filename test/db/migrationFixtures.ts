// Representative rows for the schema as each migration leaves it. The migration test loads the
// fixtures of every earlier migration, moves the database one step, and checks nothing was lost.
// A new migration adds its entry here (the test fails without one).
import Database from 'better-sqlite3';

type Fixture = (raw: Database.Database) => void;

const T = '2026-01-05T08:00:00.000Z';
const S = `scope_path, created_at, updated_at`;

export const fixtures: Record<string, Fixture> = {
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
  // A commando team with its member and outlet, a pledge under review, a goal with a missed node.
  '2026_12_05_work334': (raw) => {
    raw.exec(`
      INSERT INTO teams (id, org_id, kind, name, goal, starts_on, ends_on, leader_person_id, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e001', '0190a000-0000-7000-8000-000000000010', 'commando_team', '千兆宽带攻坚突击队', '一季度新增千兆用户500户', '2026-01-01', '2026-03-31',
         '0190a000-0000-7000-8000-000000000030', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO team_members (id, team_id, person_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e002', '0190a000-0000-7000-8000-00000000e001', '0190a000-0000-7000-8000-000000000030', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO team_outlets (id, team_id, outlet_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e003', '0190a000-0000-7000-8000-00000000e001', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO pledges (id, person_id, org_id, year, pledge, pledged_on, outcome, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e004', '0190a000-0000-7000-8000-000000000030', '0190a000-0000-7000-8000-000000000010', 2026, '全年零投诉', '2026-01-05', 'pending', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO milestone_goals (id, org_id, year, title, team_id, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e005', '0190a000-0000-7000-8000-000000000010', 2026, '千兆宽带攻坚', '0190a000-0000-7000-8000-00000000e001', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO milestone_nodes (id, goal_id, org_id, period_key, title, owner_person_id, standard, due_on, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e006', '0190a000-0000-7000-8000-00000000e005', '0190a000-0000-7000-8000-000000000010', '2026-01', '完成小区摸排',
         '0190a000-0000-7000-8000-000000000030', '摸排清单覆盖全部小区', '2026-01-31', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A 1:1 agreement with a bank's branch outside the registry, and one joint meeting counted for it.
  '2026_12_05_pairing': (raw) => {
    raw.exec(`
      INSERT INTO pairings (id, org_id, title, ratio, cadence_unit, cadence_min, signed_on, starts_on, terms, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e101', '0190a000-0000-7000-8000-000000000010', '党建和创协议', 'one_to_one', 'month', 1, '2026-01-02', '2026-01-01',
         '互联互通、优势互补、每月召开结对共建联席会议', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO pairing_parties (id, pairing_id, org_id, outside_name, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e102', '0190a000-0000-7000-8000-00000000e101', NULL, '浦发银行商鼎路支行党支部', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO pairing_meetings (id, pairing_id, activity_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e103', '0190a000-0000-7000-8000-00000000e101', '0190a000-0000-7000-8000-000000000080', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // An approved honour for the outlet and a deadline rectification of the branch still pending.
  '2026_12_05_honours': (raw) => {
    raw.exec(`
      INSERT INTO honours (id, kind, subject_kind, subject_id, basis_period, basis, status, proposed_by, proposed_on, decided_by, decided_on, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e201', 'demo_channel', 'outlet', '0190a000-0000-7000-8000-000000000020', '2026-Q1', '双轨考核综合 91.2 分，全县第一', 'approved',
         '刘组织员', '2026-04-10', '省管理员', '2026-04-20', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO accountability (id, kind, subject_kind, subject_id, reason, held_on, deadline, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e202', 'deadline', 'org', '0190a000-0000-7000-8000-000000000010', '连续两月未召开主题党日', '2026-03-05', '2026-04-05', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A member's wage base from January and the January payment; a branch's open review with one grade.
  '2026_12_05_dues': (raw) => {
    raw.exec(`
      INSERT INTO dues_bases (id, person_id, from_month, category, base_fen, recorded_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000d001', '0190a000-0000-7000-8000-000000000030', '2026-01', 'wage', 420000, '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO dues_payments (id, person_id, org_id, month, amount_fen, paid_on, collector, method, recorded_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000d002', '0190a000-0000-7000-8000-000000000030', '0190a000-0000-7000-8000-000000000010', '2026-01', 4200, '2026-01-20',
         '李秀英', 'wechat', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  '2026_12_05_evaluation': (raw) => {
    raw.exec(`
      INSERT INTO evaluations (id, org_id, year, status, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000d003', '0190a000-0000-7000-8000-000000000010', 2026, 'open', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO evaluation_grades (id, evaluation_id, person_id, grade, graded_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000d004', '0190a000-0000-7000-8000-00000000d003', '0190a000-0000-7000-8000-000000000030', 'pass', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A question from HQ, a passed run with its answer, a reward, a refused redemption and a report.
  '2026_12_05_quiz': (raw) => {
    raw.exec(`
      INSERT INTO quiz_questions (id, kind, stem, options_json, answer, explanation, category, difficulty, level, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e001', 'judge', '党员应按月交纳党费。', '["正确","错误"]', 'A', '党章规定', 'party_rules', 1, 1, '/', '${T}', '${T}');
      INSERT INTO quiz_runs (id, person_id, level, length, status, correct, bonus, day, started_at, ended_at, device_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e002', '0190a000-0000-7000-8000-000000000031', 1, 1, 'passed', 1, 2, '2026-01-05', '${T}', '${T}', 'd1', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO quiz_attempts (id, run_id, person_id, question_id, mode, chosen, correct, points, day, answered_at, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e003', '0190a000-0000-7000-8000-00000000e002', '0190a000-0000-7000-8000-000000000031', '0190a000-0000-7000-8000-00000000e001', 'level', 'A', 1, 1, '2026-01-05', '${T}', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO quiz_rewards (id, name, price, stock, ${S}) VALUES ('0190a000-0000-7000-8000-00000000e004', '1GB 流量包', 3, 10, '/', '${T}', '${T}');
      INSERT INTO quiz_redemptions (id, reward_id, person_id, price, status, requested_at, requested_by, decided_at, decided_by, reason, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e005', '0190a000-0000-7000-8000-00000000e004', '0190a000-0000-7000-8000-000000000031', 3, 'refused', '${T}', '赵指导', '${T}', '总部', '库存不足', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO quiz_reports (id, question_id, person_id, text, reported_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e006', '0190a000-0000-7000-8000-00000000e001', '0190a000-0000-7000-8000-000000000031', '答案有误', '赵指导', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A pre-enrolment change kept at enrolment because the granted scope would refuse it.
  '2026_12_05_zz_enrol_keep': (raw) => {
    raw.exec(`
      INSERT INTO sync_kept (seq, tbl, row_id, entry, code, reason_zh, reason_en, kept_at) VALUES
        (9001, 'outlets', '0190a000-0000-7000-8000-000000000021', '{"seq":9001,"tbl":"outlets","row_id":"0190a000-0000-7000-8000-000000000021","hlc":"0190a0000003-0000-d001","scope":"/hq/bj/","cols":"{}"}',
         'scope', '超出本设备的管理范围', 'Outside this device’s scope', '${T}');
    `);
  },
  // A quarter's review of the branch with a finding sent to the three lists and a training need met by a session.
  '2026_12_05_zz_work334_reviews': (raw) => {
    raw.exec(`
      INSERT INTO reviews (id, subject_kind, subject_id, period_key, kind, data_json, analysis, cases, created_by, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e301', 'org', '0190a000-0000-7000-8000-000000000010', '2026-Q1', 'quarter', '{"period":"2026-Q1"}', '主题党日出勤偏低', '', '刘组织员', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO review_findings (id, review_id, kind, text, owner_person_id, item_id, activity_id, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000e302', '0190a000-0000-7000-8000-00000000e301', 'training', '党务骨干不熟悉会议记录规范', NULL, NULL, '0190a000-0000-7000-8000-000000000080', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A waiting change with its writer, and one field change in record history.
  '2026_12_05_history': (raw) => {
    raw.exec(`
      INSERT INTO sync_outbox (tbl, row_id, hlc, scope, cols, writer) VALUES
        ('outlets', '0190a000-0000-7000-8000-000000000020', '0190a0000002-0000-d001', '/hq/xa/lt/', '{"staff_count":10}', '{"n":"刘组织员","r":"county_organiser"}');
      INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, hlc, source) VALUES
        ('outlets', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', 'update', 'staff_count', '9', '10', '{"n":"刘组织员","r":"county_organiser"}', '0190a0000002-0000-d001', 'app');
    `);
  },
  // A points item whose member, grade and rank sit apart from its neutral title.
  '2026_12_06_item_privacy': (raw) => {
    raw.exec(`
      INSERT INTO rectification_items (id, kind, title, subject_kind, subject_id, owner_person_id, due_on, status, source, source_ref, created_by, private_title, private_detail, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f601', 'rectification', '积分整改事项（2026-Q1）', 'person', '0190a000-0000-7000-8000-000000000030',
         NULL, '2026-05-01', 'open', 'points', 'points|0190a000-0000-7000-8000-00000000c002|0190a000-0000-7000-8000-000000000030', '刘组织员',
         '整改：张三（2026-Q1 党员积分列入三单）', '季度得分 55（较差），支部内排名第 2 / 2 名', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A change that arrived from HQ, found again by table and stamp.
  '2026_12_06_history_asof': (raw) => {
    raw.exec(`
      INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, source, hq_seq) VALUES
        ('outlets', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', 'update', 'coverage_org_id', '"0190a000-0000-7000-8000-000000000010"', NULL, NULL, 'd002', '0190a0000003-0000-d002', 'sync', 7);
    `);
  },
  // A local change (no number in HQ's chain) and one from HQ, next to those of earlier versions.
  '2026_12_06_zzz_history_seq': (raw) => {
    raw.exec(`
      INSERT INTO record_history (tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, source, hq_seq) VALUES
        ('outlets', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', 'update', 'staff_count', '10', '11', '{"n":"刘组织员","r":"county_organiser"}', NULL, '0190a0000004-0000-d001', 'app', NULL),
        ('outlets', '0190a000-0000-7000-8000-000000000020', '/hq/xa/lt/', 'update', 'name', '"甲"', '"乙"', NULL, 'd002', '0190a0000005-0000-d002', 'sync', 8);
    `);
  },
  // A probationary member whose probation was extended by 6 months.
  '2026_12_06_zz_probation_extension': (raw) => {
    raw.exec(`
      INSERT INTO people (id, name, gender, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f701', '赵预备', 'female', '0190a000-0000-7000-8000-000000000020', 'probationary', '/hq/xa/lt/', '${T}', '${T}');
      INSERT INTO members (id, person_id, branch_id, join_date, probation_extended_on, probation_extension_months, probation_extension_reason, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f702', '0190a000-0000-7000-8000-00000000f701', '0190a000-0000-7000-8000-000000000010', '2025-03-01', '2026-03-05', 6, '考察期间表现有待提高', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // People the board's data-quality indexes hold: a blank gender and a citizen id failing its check.
  '2026_12_06_zz_board_speed': (raw) => {
    raw.exec(`
      INSERT INTO people (id, name, gender, birth_date, citizen_id, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f801', '钱质量', '', '1990-02-03', '110105199002030011', '0190a000-0000-7000-8000-000000000020', 'masses', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // Index only: an excused mark, which the partial index leaves out (the first fixture's present one it holds).
  '2026_12_06_zzzz_member_warnings': (raw) => {
    raw.exec(`
      INSERT INTO attendance (id, activity_id, person_id, status, reason, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f901', '0190a000-0000-7000-8000-000000000080', '0190a000-0000-7000-8000-00000000f701', 'excused', '病假', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // A scope's registry rules (a structure number beside nothing else) and the board's thresholds set there.
  '2026_12_06_thresholds_single': (raw) => {
    raw.exec(`
      INSERT INTO settings (id, key, value_json, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f901', 'registry.rules', '{"branchMaxMembers":40}', '/hq/xa/lt/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-00000000f902', 'assessment.thresholds', '{"coverage":{"green":0.95,"yellow":0.85}}', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
};
