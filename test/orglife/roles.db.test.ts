// Field trial, "attendance contradictions": someone the attendance list marks absent or on leave was
// recorded as the meeting's host or recorder. The rule (shared/orglife/roles.ts) at its edges, and
// the API refusing such a record with a field error in Chinese and English, writing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { roleConflicts } from '../../shared/orglife/roles.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, themeDay, type World } from './world.js';

describe('roleConflicts', () => {
  const list = [{ personId: 'a', status: 'present' as const }, { personId: 'b', status: 'absent' as const }, { personId: 'c', status: 'excused' as const }];

  it('accepts a present host, a host not on the list, and no host at all', () => {
    expect(roleConflicts({ hostPersonId: 'a', recorderPersonId: 'a', attendance: list })).toEqual([]);
    expect(roleConflicts({ hostPersonId: 'x', recorderPersonId: null, attendance: list })).toEqual([]);
    expect(roleConflicts({ attendance: list })).toEqual([]);
    expect(roleConflicts({ hostPersonId: 'b' })).toEqual([]); // no attendance recorded: nothing contradicts
  });

  it('refuses an absent host and a recorder on leave, each on its own field, in both languages', () => {
    expect(roleConflicts({ hostPersonId: 'b', recorderPersonId: 'c', attendance: list })).toEqual([
      { path: 'hostPersonId', message: '主持人在出勤名单中为“缺席”，不能担任主持人；请改选出席的人员，或更正出勤', messageEn: expect.stringContaining('host is marked absent') },
      { path: 'recorderPersonId', message: '记录人在出勤名单中为“请假”，不能担任记录人；请改选出席的人员，或更正出勤', messageEn: expect.stringContaining('recorder is marked on leave') },
    ]);
  });
});

describe('activities.save', () => {
  let p: Awaited<ReturnType<typeof tempProfile>>;
  let ctx: ApiContext;
  let w: World;
  beforeEach(async () => {
    p = await tempProfile();
    ctx = p.context();
    w = await buildWorld(ctx);
  });
  afterEach(async () => p.cleanup());
  const count = (table: string) => (p.store.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('refuses a host marked absent with a field error in Chinese and English, and writes nothing', async () => {
    const outbox = count('sync_outbox');
    // themeDay marks 刘洋 (full[3]) absent and 陈预备 excused.
    const r = await dispatch(ctx, 'activities.save', themeDay(w, '2026-11-05', { hostPersonId: w.full[3]!.id, recorderPersonId: w.probationary.id }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.message).toBe('输入有误：主持人在出勤名单中为“缺席”，不能担任主持人；请改选出席的人员，或更正出勤');
    expect(r.error.messageEn).toMatch(/^Invalid input: The host is marked absent/);
    expect(r.error.issues.map((i) => i.path)).toEqual(['hostPersonId', 'recorderPersonId']);
    expect(r.error.issues[1]!.message).toContain('记录人在出勤名单中为“请假”');
    expect([count('activities'), count('attendance'), count('sync_outbox') - outbox]).toEqual([0, 0, 0]);
  });

  it('refuses an edit that marks the host absent, and keeps the record as it was', async () => {
    const saved = await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    const input = themeDay(w, '2026-11-05', { id: saved.id });
    input.attendance![0] = { personId: w.full[0]!.id, status: 'excused', reason: '出差' };
    const r = await dispatch(ctx, 'activities.save', input);
    expect(!r.ok && r.error.issues).toMatchObject([{ path: 'hostPersonId', message: expect.stringContaining('“请假”') }]);
    const after = await call(ctx, 'activities.get', { id: saved.id });
    expect(after.attendance.find((m) => m.personId === w.full[0]!.id)!.status).toBe('present');
    expect(after.hostName).toBe('王建国');
  });

  it('still saves when the host is present and the absent member holds no role', async () => {
    const saved = await call(ctx, 'activities.save', themeDay(w, '2026-11-05'));
    expect(saved).toMatchObject({ hostName: '王建国', recorderName: '李秀英' });
  });
});
