// Representative rows for the schema as 2026_11_24_orglife leaves it. For test/db/migrationFixtures.ts:
//   '2026_11_24_orglife': orglifeFixture,
import type Database from 'better-sqlite3';

const T = '2026-11-05T08:00:00.000Z';
const S = `scope_path, created_at, updated_at`;

export function orglifeFixture(raw: Database.Database): void {
  raw.exec(`
    INSERT INTO activities (id, org_id, type, status, title, held_on, group_id, instructor_id, ${S}) VALUES
      ('0190a000-0000-7000-8000-000000000180', '0190a000-0000-7000-8000-000000000010', 'group_meeting', 'held', '第一党小组十一月会议', '2026-11-04',
       '0190a000-0000-7000-8000-000000000060', NULL, '/hq/xa/lt/', '${T}', '${T}'),
      ('0190a000-0000-7000-8000-000000000181', NULL, 'instructor_visit', 'held', '驻点指导：骊山路营业厅', '2026-11-05',
       NULL, '0190a000-0000-7000-8000-000000000070', '/hq/xa/lt/', '${T}', '${T}'),
      ('0190a000-0000-7000-8000-000000000182', '0190a000-0000-7000-8000-000000000010', 'general_meeting', 'planned', '第四季度党员大会', '2026-12-10',
       NULL, NULL, '/hq/xa/lt/', '${T}', '${T}');
    INSERT INTO attachments (id, activity_id, kind, sha256, mime, size, file_name, thumb_sha256, ${S}) VALUES
      ('0190a000-0000-7000-8000-000000000183', '0190a000-0000-7000-8000-000000000181', 'photo',
       '${'ab'.repeat(32)}', 'image/jpeg', 123456, '走访合影.jpg', '${'cd'.repeat(32)}', '/hq/xa/lt/', '${T}', '${T}');
  `);
}
