// Activity records on a real SQLite profile through the real dispatch: what is stored, and how
// bad input is refused in Chinese with nothing written.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { tempProfile } from '../support/store.js';
import { call } from '../support/builders.js';
import { buildWorld, pngBytes, themeDay, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const count = (table: string, where = '1') => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
const filesIn = () => {
  const dir = join(p.dir, 'files');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 60).length : 0;
};

describe('recording an activity', () => {
  it('stores a theme day with attendance, outlet and photo, with scope and device for sync', async () => {
    const blob = await call(ctx, 'attachments.put', { fileName: '合影.png', kind: 'photo', dataBase64: pngBytes(8, 6).toString('base64'), thumbBase64: pngBytes(2, 2).toString('base64') });
    expect(blob).toMatchObject({ mime: 'image/png', kind: 'photo' });
    expect(blob.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(p.dir, 'files', blob.sha256.slice(0, 2), blob.sha256))).toBe(true);
    const saved = await call(ctx, 'activities.save', themeDay(w, '2026-11-05', {
      venueOutletIds: [w.outlet.id], attachments: [{ sha256: blob.sha256, thumbSha256: blob.thumbSha256, name: '合影.png' }],
    }));
    expect(saved).toMatchObject({ type: 'theme_day', status: 'held', orgName: w.branch.name, hostName: '王建国', recorderName: '李秀英' });
    expect(saved.attendance).toHaveLength(5);
    expect(saved.minutes).toBe('集体学习，交流发言。'); // Chinese punctuation kept as typed
    expect(saved.attendance.find((m) => m.name === '陈预备')).toMatchObject({ status: 'excused', reason: '病假', probationary: true });
    expect(saved.outlets).toEqual([{ id: w.outlet.id, name: '骊山路营业厅' }]);
    expect(saved.attachments).toEqual([expect.objectContaining({ kind: 'photo', mime: 'image/png', fileName: '合影.png', size: pngBytes(8, 6).length })]);
    const row = p.store.raw.prepare(`SELECT scope_path, device_id, recorded_by FROM activities WHERE id = ?`).get(saved.id) as Record<string, string>;
    expect(row.scope_path).toBe(w.county.path);
    expect(row.device_id).toBe(p.session.deviceId);
    expect(count('attachments', `scope_path = '${w.county.path}'`)).toBe(1);
    expect(count('attendance', `scope_path = '${w.county.path}'`)).toBe(5);
    // Every write reached the sync outbox (capture triggers on the new table and columns too).
    const outbox = p.store.raw.prepare(`SELECT tbl, cols FROM sync_outbox WHERE tbl IN ('activities', 'attachments')`).all() as { tbl: string; cols: string }[];
    expect(outbox.map((o) => o.tbl).sort()).toEqual(['activities', 'attachments']);
    expect(JSON.parse(outbox.find((o) => o.tbl === 'activities')!.cols)).toMatchObject({ status: 'held', org_id: w.branch.id });
    const read = await call(ctx, 'attachments.read', { id: saved.attachments[0]!.id, variant: 'full' });
    expect(Buffer.from(read.dataBase64, 'base64').equals(pngBytes(8, 6))).toBe(true);
  });

  it('keeps attendance append-only: a changed mark is a new row that tombstones the old, a removed person a tombstone', async () => {
    const first = await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    expect(count('attendance')).toBe(5);
    const input = themeDay(w, '2026-11-05', { id: first.id });
    input.attendance = input.attendance!.filter((m) => m.personId !== w.full[2]!.id).map((m) => (m.personId === w.full[3]!.id ? { personId: m.personId, status: 'present' as const } : m));
    const second = await call(ctx, 'activities.save', input);
    expect(count('attendance')).toBe(6); // one new mark for the changed status
    expect(count('attendance', 'deleted = 1')).toBe(2); // the person taken off the list, and 刘洋's absence
    // One live mark per person, the one the activity shows: whatever counts live rows counts 刘洋 once, present.
    const live = p.store.raw.prepare(`SELECT person_id, status FROM attendance WHERE deleted = 0 AND person_id = ?`).all(w.full[3]!.id);
    expect(live).toEqual([{ person_id: w.full[3]!.id, status: 'present' }]);
    // The replaced mark's tombstone goes to HQ like any change.
    const tombstones = p.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl = 'attendance' AND cols LIKE '%"deleted":1%'`).get() as { n: number };
    expect(tombstones.n).toBe(2);
    expect(second.attendance.map((m) => `${m.name}:${m.status}`).sort()).toEqual(['刘洋:present', '李秀英:present', '王建国:present', '陈预备:excused'].sort());
    // Saving the same list again writes nothing new.
    await call(ctx, 'activities.save', input);
    expect(count('attendance')).toBe(6);
  });

  it('fills the expected attendance from the branch, leaving out other branches', async () => {
    const roster = await call(ctx, 'activities.roster', { orgId: w.branch.id, type: 'theme_day' });
    expect(roster.map((r) => r.name).sort()).toEqual(['刘洋', '张伟', '李秀英', '王建国', '陈预备'].sort());
    expect(roster.find((r) => r.name === '陈预备')!.probationary).toBe(true);
    const committee = await call(ctx, 'activities.roster', { orgId: w.branch.id, type: 'committee_meeting' });
    expect(committee.map((r) => r.name).sort()).toEqual(['张伟', '李秀英', '王建国'].sort());
    const beforeJoining = await call(ctx, 'activities.roster', { orgId: w.branch.id, on: '2025-11-01' });
    expect(beforeJoining.some((r) => r.name === '陈预备')).toBe(false);
  });

  it('computes quorum and motions with the probationary member left out', async () => {
    const gm = await call(ctx, 'activities.save', themeDay(w, '2026-11-06', {
      type: 'general_meeting', title: '党员大会', agenda: '讨论陈预备转正', resolutions: [{ text: '同意陈预备按期转正', votes: { yes: 3, no: 0, abstain: 0 } }],
    }));
    expect(gm.quorum).toEqual({ voting: 4, votingPresent: 3, needed: 3, met: true, probationaryLeftOut: 1 });
    expect(gm.resolutions[0]).toMatchObject({ passed: true, needed: 3 });
    const tooMany = await dispatch(ctx, 'activities.save', themeDay(w, '2026-11-06', {
      type: 'general_meeting', title: '党员大会', agenda: '表决', resolutions: [{ text: '决议', votes: { yes: 4, no: 0, abstain: 0 } }],
    }));
    expect(!tooMany.ok && tooMany.error.message).toContain('预备党员没有表决权');
  });
});

describe('bad input is refused in Chinese and writes nothing', () => {
  it('an attendance list with people from another branch', async () => {
    const input = themeDay(w, '2026-11-05');
    input.attendance!.push({ personId: w.stranger.id, status: 'present' });
    const r = await dispatch(ctx, 'activities.save', input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('出勤名单中有不属于本党组织的人员：赵外支');
      expect(r.error.issues[0]!.path).toBe('attendance');
    }
    expect(count('activities')).toBe(0);
    expect(count('attendance')).toBe(0);
  });

  it('a held meeting dated in the future (a planned one may be)', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000);
    const day = `${future.getFullYear()}-${String(future.getMonth() + 1).padStart(2, '0')}-${String(future.getDate()).padStart(2, '0')}`;
    const r = await dispatch(ctx, 'activities.save', themeDay(w, day));
    expect(!r.ok && r.error.issues.find((i) => i.path === 'heldOn')!.message).toBe('已举行活动的日期不能晚于今天；尚未举行的请标记为“计划”');
    expect(count('activities')).toBe(0);
    const planned = await call(ctx, 'activities.save', themeDay(w, day, { status: 'planned', attendance: [] }));
    expect(planned.status).toBe('planned');
  });

  it('an absence without a reason, and a held meeting missing what its type needs', async () => {
    const input = themeDay(w, '2026-11-05');
    input.attendance![3] = { personId: w.full[3]!.id, status: 'absent' };
    const r = await dispatch(ctx, 'activities.save', input);
    expect(!r.ok && r.error.issues[0]).toMatchObject({ path: 'attendance.3.reason', message: '缺席或请假须注明原因' });
    const gm = await dispatch(ctx, 'activities.save', { type: 'general_meeting', orgId: w.branch.id, title: '党员大会', heldOn: '2026-11-02' });
    expect(!gm.ok && gm.error.issues.map((i) => i.message)).toEqual(['主持人为必填项', '记录人为必填项', '议题为必填项', '出勤名单为必填项']);
    expect(count('activities')).toBe(0);
  });

  it('an oversized photo and a file renamed to .jpg', async () => {
    await call(ctx, 'settings.set', { key: 'orglife.attachments', value: { maxPhotoMb: 0.1 } });
    const big = Buffer.concat([pngBytes(), Buffer.alloc(200 * 1024)]);
    const r1 = await dispatch(ctx, 'attachments.put', { fileName: '大图.png', kind: 'photo', dataBase64: big.toString('base64') });
    expect(!r1.ok && r1.error.message).toMatch(/^文件过大（上限 0\.1MB）$/);
    const r2 = await dispatch(ctx, 'attachments.put', { fileName: '照片.jpg', kind: 'photo', dataBase64: Buffer.from('这不是图片，是一段文字').toString('base64') });
    expect(!r2.ok && r2.error.message).toBe('所选文件不是有效的图片（仅支持 JPEG、PNG、WebP、GIF）');
    const r3 = await dispatch(ctx, 'attachments.put', { fileName: '报告.jpg', kind: 'file', dataBase64: Buffer.from('%PDF-1.4 fake').toString('base64') });
    expect(!r3.ok && r3.error.message).toContain('不是有效的图片');
    const pdf = await call(ctx, 'attachments.put', { fileName: '会议纪要.pdf', kind: 'file', dataBase64: Buffer.from('%PDF-1.4\n%…').toString('base64') });
    expect(pdf).toMatchObject({ mime: 'application/pdf', kind: 'file' });
    expect(filesIn()).toBe(1); // only the PDF
  });

  it('an attachment that was never uploaded', async () => {
    const r = await dispatch(ctx, 'activities.save', themeDay(w, '2026-11-05', { attachments: [{ sha256: 'a'.repeat(64), name: 'x.png' }] }));
    expect(!r.ok && r.error.message).toBe('附件文件不存在，请重新上传：x.png');
    expect(count('activities')).toBe(0);
    expect(count('attendance')).toBe(0);
  });

  it('a record outside the user’s scope', async () => {
    const outsider = { ...ctx, session: { ...ctx.session, scopePath: '/hq/elsewhere/' } };
    const r = await dispatch(outsider, 'activities.save', themeDay(w, '2026-11-05'));
    expect(!r.ok && r.error.code).toBe('forbidden');
  });
});
