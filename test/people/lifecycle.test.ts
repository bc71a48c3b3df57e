// Member lifecycle: the recruit pipeline with what is due next and its rules, mobility and lost
// contact registers, and standing changes kept as history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { addMonths, addYears } from '../../shared/people/rules.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

const today = () => todayInBeijing();

async function world() {
  const ctx = p.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id);
  const branch = await buildBranch(ctx, county.id);
  return { ctx, county, outlet, branch };
}

describe('recruit pipeline', () => {
  it('lists what is due, overdue conversions first, and walks a recruit to full membership by the rules', async () => {
    const w = await world();
    const t = today();
    const activistOn = addMonths(t, -13);
    const recruit = await call(w.ctx, 'people.save', {
      name: '陈发展', politicalStatus: 'masses', outletId: w.outlet.id,
      recruit: { stage: 'activist', appliedOn: addMonths(t, -20), activistOn },
    });
    // A probationary member admitted 14 months ago, without a recruit record: conversion is overdue.
    const late = await buildMember(w.ctx, w.outlet.id, w.branch.id, { name: '林预备', politicalStatus: 'probationary', member: { branchId: w.branch.id, joinDate: addMonths(t, -14) } });
    const list = await call(w.ctx, 'recruits.pipeline', {});
    expect(list.rows.map((r) => [r.name, r.stage, r.next, r.state, r.band])).toEqual([
      ['林预备', 'probationary', 'full', 'overdue', 'red'],
      ['陈发展', 'activist', 'candidate', 'due', null],
    ]);
    expect(list.rows[1]!.dueOn).toBe(addYears(activistOn, 1));

    // Too early a step is refused with the rule in Chinese.
    const early = await dispatch(w.ctx, 'recruits.advance', { personId: recruit.id, to: 'candidate', on: addMonths(activistOn, 6) });
    expect(!early.ok && early.error.message).toBe('入党积极分子须培养考察满一年才能确定为发展对象');
    const skip = await dispatch(w.ctx, 'recruits.advance', { personId: recruit.id, to: 'full', on: t });
    expect(!skip.ok && skip.error.message).toBe('发展阶段须逐级推进');

    await call(w.ctx, 'recruits.advance', { personId: recruit.id, to: 'candidate', on: addMonths(t, -1) });
    const noBranch = await dispatch(w.ctx, 'recruits.advance', { personId: recruit.id, to: 'probationary', on: t });
    expect(noBranch.ok).toBe(false);
    const admitted = await call(w.ctx, 'recruits.advance', { personId: recruit.id, to: 'probationary', on: t, branchId: w.branch.id });
    expect(admitted).toMatchObject({ stage: 'probationary', next: 'full', dueOn: addYears(t, 1), state: 'waiting' });
    const person = await call(w.ctx, 'people.get', { id: recruit.id });
    expect(person.politicalStatus).toBe('probationary');
    expect(person.member).toMatchObject({ branchId: w.branch.id, joinDate: t });

    // The overdue one converts; a pipeline record is started for it from its join date.
    await call(w.ctx, 'recruits.advance', { personId: late.id, to: 'full', on: t });
    const converted = await call(w.ctx, 'people.get', { id: late.id });
    expect(converted.politicalStatus).toBe('full_member');
    expect(converted.member!.fullDate).toBe(t);
    const history = await call(w.ctx, 'people.history', { personId: recruit.id });
    expect(history.filter((h) => h.kind === 'recruit_stage').map((h) => h.toValue).sort()).toEqual(['candidate', 'probationary']);
  });
});

describe('mobility, lost contact and standing', () => {
  it('records each change with history and lists the registers', async () => {
    const w = await world();
    const t = today();
    const m = await buildMember(w.ctx, w.outlet.id, w.branch.id, { name: '流动党员' });
    await call(w.ctx, 'members.recordChange', {
      personId: m.id, change: { kind: 'mobility', mobility: 'outbound', on: addMonths(t, -7), destination: '广东省深圳市', cardNo: 'LD-2026-001' },
    });
    const reg = await call(w.ctx, 'members.mobilityRegister', {});
    expect(reg.rows).toHaveLength(1);
    expect(reg.rows[0]).toMatchObject({ name: '流动党员', destination: '广东省深圳市', cardNo: 'LD-2026-001', monthsAway: 7, shouldTransfer: true });

    const noReason = await dispatch(w.ctx, 'members.recordChange', { personId: m.id, change: { kind: 'lost_contact', lost: true, on: t } });
    expect(!noReason.ok && noReason.error.message).toBe('登记失联须填写原因');
    await call(w.ctx, 'members.recordChange', { personId: m.id, change: { kind: 'lost_contact', lost: true, on: addMonths(t, -6), reason: '电话停机、住址变更' } });
    const lost = await call(w.ctx, 'members.lostContactRegister', {});
    expect(lost.rows[0]).toMatchObject({ name: '流动党员', reason: '电话停机、住址变更', monthsLost: 6 });

    await call(w.ctx, 'members.recordChange', { personId: m.id, change: { kind: 'standing', standing: 'suspended', on: t, reason: '停止党籍' } });
    const history = await call(w.ctx, 'people.history', { personId: m.id });
    expect(history.map((h) => [h.kind, h.fromValue, h.toValue])).toEqual(
      expect.arrayContaining([['standing', 'normal', 'suspended'], ['lost_contact', 'in_contact', 'lost'], ['mobility', 'none', 'outbound:广东省深圳市']]),
    );
    // A standing change made on the person form is history too.
    const { id: _id, branchName: _b, ...member } = (await call(w.ctx, 'people.get', { id: m.id })).member!;
    await call(w.ctx, 'people.save', {
      id: m.id, name: '流动党员', politicalStatus: 'full_member', outletId: w.outlet.id,
      member: { ...member, standing: 'normal' } as never,
    });
    const after = await call(w.ctx, 'people.history', { personId: m.id });
    expect(after.filter((h) => h.kind === 'standing').map((h) => h.toValue)).toEqual(['normal', 'suspended']);
  });

  it('refuses future dates and a mobility without destination', async () => {
    const w = await world();
    const m = await buildMember(w.ctx, w.outlet.id, w.branch.id);
    const future = await dispatch(w.ctx, 'members.recordChange', { personId: m.id, change: { kind: 'standing', standing: 'suspended', on: '2999-01-01' } });
    expect(!future.ok && future.error.message).toBe('日期不能晚于今天');
    const noDest = await dispatch(w.ctx, 'members.recordChange', { personId: m.id, change: { kind: 'mobility', mobility: 'outbound', on: today() } });
    expect(!noDest.ok && noDest.error.message).toBe('流动党员须填写流向地（或来源地）');
  });
});
