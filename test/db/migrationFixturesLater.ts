// Fixtures of the migrations from 2026-12-05 on (migrationFixtures.ts holds the earlier ones and
// exports them all): representative rows for the schema as each migration leaves it.
import { S, T, type Fixture } from './migrationFixtureParts.js';

export const laterFixtures: Record<string, Fixture> = {
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
  // A scope's registry rules (a structure number beside nothing else) and the board's thresholds set there.
  '2026_12_06_thresholds_single': (raw) => {
    raw.exec(`
      INSERT INTO settings (id, key, value_json, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000f901', 'registry.rules', '{"branchMaxMembers":40}', '/hq/xa/lt/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-00000000f902', 'assessment.thresholds', '{"coverage":{"green":0.95,"yellow":0.85}}', '/hq/xa/lt/', '${T}', '${T}');
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
  // Index only: a phone of ideographic spaces (blank to the rule) and a name starting with one that is not.
  '2026_12_07_quality_blank': (raw) => {
    raw.exec(`
      INSERT INTO people (id, name, gender, birth_date, citizen_id, phone, outlet_id, political_status, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000fa01', '孙空格', '男', '1991-04-05', '', '${'\u3000'.repeat(2)}', '0190a000-0000-7000-8000-000000000020', 'masses', '/hq/xa/lt/', '${T}', '${T}'),
        ('0190a000-0000-7000-8000-00000000fa02', '${'\u3000'}周有名', '女', '1992-05-06', '', '13800000000', '0190a000-0000-7000-8000-000000000020', 'masses', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // Index only: a planned activity, which the partial index leaves out (the first fixture's held one it holds).
  '2026_12_08_activities_held': (raw) => {
    raw.exec(`
      INSERT INTO activities (id, org_id, type, title, held_on, status, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000fb01', '0190a000-0000-7000-8000-000000000010', 'theme_day', '十二月主题党日', '2026-12-20', 'planned', '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
  // Index only: a tombstoned mark, which the partial index leaves out.
  '2026_12_09_attendance_live': (raw) => {
    raw.exec(`
      INSERT INTO attendance (id, activity_id, person_id, status, deleted, ${S}) VALUES
        ('0190a000-0000-7000-8000-00000000fc01', '0190a000-0000-7000-8000-00000000fb01', '0190a000-0000-7000-8000-000000000030', 'absent', 1, '/hq/xa/lt/', '${T}', '${T}');
    `);
  },
};
