// 考核参数 against a real backend: a weight edit that breaks 100% is refused on screen with the
// channel type named and nothing is stored; fixed, it is saved; a window of 0 days and no required
// field are refused naming the field; an instructor sees the settings but cannot change them.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { setTransport } from '../../renderer/api/client';
import { SettingsTab } from '../../renderer/features/assessment/settings/SettingsTab';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
const sets: string[] = [];
const connect = (role: ApiContext['session']['role']) => {
  ctx = { ...p.context(), session: { ...p.context().session, role, userName: '县组织员' } };
  setTransport({ invoke: async (name, input) => {
    if (name === 'settings.set') sets.push((input as { key: string }).key);
    return dispatch(ctx, name, input);
  } });
};
beforeEach(async () => {
  p = await tempProfile();
  sets.length = 0;
});
afterEach(async () => p.cleanup());

const stored = async () => {
  const r = await dispatch(ctx, 'settings.get', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.data as Record<string, unknown>;
};
const setNumber = (label: string, value: string) => {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('dual-track weights', () => {
  it('refuses a set that does not make 100% without sending it, then saves the corrected one', async () => {
    connect('county_organiser');
    render(<App><SettingsTab /></App>);
    await screen.findByTestId('as-dual-settings', {}, { timeout: 10_000 });
    setNumber('自有营业厅 渠道收入增长', '10');
    await waitFor(() => expect(screen.getByTestId('total-own_store').textContent).toBe('95%'));
    fireEvent.click(screen.getByTestId('as-dual-save'));
    const issues = await screen.findByTestId('as-dual-issues');
    expect(issues.textContent).toContain('“自有营业厅”的权重合计为 95%，须等于 100%');
    expect(sets).toEqual([]);
    expect((await stored())['assessment.dual_track']).toBeUndefined();

    setNumber('自有营业厅 组织覆盖', '15');
    await waitFor(() => expect(screen.getByTestId('party-own_store').textContent).toBe('45%'));
    fireEvent.click(screen.getByTestId('as-dual-save'));
    await waitFor(() => expect(sets).toEqual(['assessment.dual_track']));
    await waitFor(() => expect(screen.queryByTestId('as-dual-issues')).toBeNull());
    const dt = (await stored())['assessment.dual_track'] as { weights: Record<string, Record<string, number>> };
    expect(dt.weights.own_store!.org_coverage).toBe(15);
    expect(dt.weights.own_store!.revenue_growth).toBe(10);
  }, 90_000);
});

describe('windows and required fields', () => {
  it('names the field it refuses and saves neither setting, then saves both', async () => {
    connect('county_organiser');
    render(<App><SettingsTab /></App>);
    await screen.findByTestId('as-window-settings', {}, { timeout: 10_000 });
    setNumber('党建联系回看天数', '0');
    fireEvent.click(screen.getByTestId('as-window-save'));
    expect((await screen.findAllByText('“党建联系回看天数”须为 1–366 的整数')).length).toBeGreaterThan(0);
    expect(sets).toEqual([]);

    setNumber('党建联系回看天数', '45');
    for (const f of ['姓名', '性别', '出生日期', '身份证号', '所在网点']) fireEvent.click(screen.getByLabelText(f));
    fireEvent.click(screen.getByTestId('as-window-save'));
    expect((await screen.findAllByText('数据质量必填项至少选择一项')).length).toBeGreaterThan(0);
    expect(sets).toEqual([]);

    fireEvent.click(screen.getByLabelText('手机号'));
    fireEvent.click(screen.getByTestId('as-window-save'));
    await waitFor(() => expect(sets).toEqual(['assessment.windows', 'assessment.requiredFields']));
    const s = await stored();
    expect(s['assessment.windows']).toEqual({ contactDays: 45, escalationDueDays: 30 });
    expect(s['assessment.requiredFields']).toEqual(['phone']);
  }, 90_000);
});

it('shows an instructor the settings without a way to change them', async () => {
  connect('instructor');
  render(<App><SettingsTab /></App>);
  await screen.findByText('只有县级组织员和省公司管理员可以修改考核参数', {}, { timeout: 10_000 });
  expect((screen.getByLabelText('自有营业厅 组织覆盖') as HTMLInputElement).disabled).toBe(true);
  expect(screen.queryByTestId('as-dual-save')).toBeNull();
  expect(screen.queryByTestId('as-window-save')).toBeNull();
});
