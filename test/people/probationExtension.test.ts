// Probation extended once by 6–12 months (DOMAIN.md "Members"), on a real store. 陈预备 was admitted
// 2025-11-28: conversion due 2026-11-28; on 2026-12-31 that is 33 days overdue — a 待办 item and a
// red probation light. The branch extends it by 6 months (decided 2026-11-25): due 2027-05-28, the
// item and the light are gone and the record shows the new date. Refused, bilingual, nothing
// written: 5 and 13 months, a second extension, a full member, a decision in the future or before
// the admission. 6 and 12 months are taken.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Input } from '../../shared/contract/index.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, type World } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;
const NOW = new Date('2026-12-31T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
  w = await buildWorld(ctx);
});
afterEach(async () => p.cleanup());

const stored = () => p.store.raw.prepare('SELECT probation_extended_on AS o, probation_extension_months AS m, probation_extension_reason AS r FROM members WHERE person_id = ?').get(w.probationary.id);
const extend = (over: Partial<Input<'members.extendProbation'>> = {}) =>
  dispatch(ctx, 'members.extendProbation', { personId: w.probationary.id, decidedOn: '2026-11-25', months: 6, reason: '支部大会决定延长预备期，继续考察', ...over });
async function refused(over: Partial<Input<'members.extendProbation'>>) {
  const before = stored();
  const r = await extend(over);
  expect(stored()).toEqual(before);
  if (r.ok) throw new Error('accepted');
  expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(r.error.messageEn).toMatch(/[a-z]/);
  return r.error;
}
const conversionItem = async () => (await call(ctx, 'orgLife.due', {})).items.find((i) => i.kind === 'conversion' && i.personName === '陈预备');
const probationLight = async () => (await call(ctx, 'assessment.board', { period: '2026-12' })).lights.find((l) => l.subjectId === w.branch.id && l.indicator === 'probation_overdue');

describe('probation extension', () => {
  it('moves the conversion due date, the 待办 item and the board light', async () => {
    expect(await conversionItem()).toMatchObject({ level: 'overdue', deadline: '2026-11-28', overdueDays: 33 });
    expect((await probationLight())!.colour).toBe('red');
    expect((await call(ctx, 'people.record', { id: w.probationary.id })).probation).toMatchObject({ endsOn: '2026-11-28', overdue: true, extension: null, mayExtend: true });

    const rec = await call(ctx, 'members.extendProbation', { personId: w.probationary.id, decidedOn: '2026-11-25', months: 6, reason: '支部大会决定延长预备期，继续考察' });
    expect(rec.probation).toMatchObject({ endsOn: '2027-05-28', overdue: false, mayExtend: false, extension: { decidedOn: '2026-11-25', months: 6, reason: '支部大会决定延长预备期，继续考察' } });
    expect(stored()).toEqual({ o: '2026-11-25', m: 6, r: '支部大会决定延长预备期，继续考察' });
    // And it is in the person's 变动记录: the due date before and after, the reason and who recorded it
    // (the person signed in on the device, as record history names the writer: this profile's 本机用户).
    expect(rec.history.find((h) => h.kind === 'probation_extension')).toMatchObject({
      onDate: '2026-11-25', fromValue: '2026-11-28', toValue: '2027-05-28', reason: '支部大会决定延长预备期，继续考察', recordedBy: '本机用户',
    });
    expect(await conversionItem()).toBeUndefined();
    expect((await probationLight())?.colour ?? 'green').toBe('green');
  });

  it('refuses 5 and 13 months and takes 12', async () => {
    expect((await refused({ months: 5 })).message).toBe('预备期延长须为6至12个整月');
    expect((await refused({ months: 13 })).messageEn).toBe('A probation is extended by 6 to 12 whole months');
    const r = await extend({ months: 12 });
    expect(r.ok).toBe(true);
    expect((await call(ctx, 'people.record', { id: w.probationary.id })).probation!.endsOn).toBe('2027-11-28');
  });

  it('extends only once', async () => {
    expect((await extend({ months: 6 })).ok).toBe(true);
    const e = await refused({ months: 7, decidedOn: '2026-12-01' });
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('预备期只能延长一次（已于2026-11-25延长6个月）');
  });

  it('takes its limits from reference data', async () => {
    await call(ctx, 'settings.set', { key: 'dues.probationExtension', value: { minMonths: 3, maxMonths: 6 } });
    expect((await refused({ months: 7 })).message).toBe('预备期延长须为3至6个整月');
    expect((await extend({ months: 3 })).ok).toBe(true);
  });

  it('refuses a full member, a future decision and one before the admission', async () => {
    expect((await refused({ personId: w.full[0]!.id })).message).toBe('只有预备党员才能延长预备期');
    expect((await refused({ decidedOn: '2027-01-01' })).message).toBe('决定日期不能晚于今天');
    expect((await refused({ decidedOn: '2025-11-01' })).message).toBe('决定日期不能早于接收为预备党员的日期');
  });
});
