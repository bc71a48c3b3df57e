// Opening a person shows the record first — identity masked, organisation, standing with its
// history, probation end, the meetings attended with their marks — and 编辑 switches to the form;
// saving comes back to the record showing the change.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PersonRecord } from '../../renderer/features/people/record/PersonRecord';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
let w: World;
beforeEach(async () => {
  backend = await realBackend();
  const ctx = backend.context();
  w = await buildWorld(ctx);
  await call(ctx, 'activities.save', themeDay(w, '2026-10-18'));
  await call(ctx, 'activities.save', themeDay(w, '2026-11-15', { title: '十一月主题党日' }));
  await call(ctx, 'members.recordChange', { personId: w.full[3]!.id, change: { kind: 'mobility', mobility: 'outbound', on: '2026-11-20', destination: '西安市雁塔区', reason: '外出务工' } });
});
afterEach(async () => backend.cleanup());

const drawer = async (name: string) => {
  const title = await screen.findByTestId('record-name');
  expect(title.textContent).toBe(name);
  return title.closest('[role="dialog"]') as HTMLElement;
};

it('shows a member as a record: masked id, branch, history and the meetings attended, newest first', async () => {
  const member = w.full[3]!;
  render(<App><PersonRecord open personId={member.id} onClose={() => {}} /></App>);
  const d = await drawer(member.name);
  expect(within(d).getByTestId('record-citizen-id').textContent).toMatch(/^\d{6}\*{8}[\dX]{4}/);
  expect(within(d).getByText(w.branch.name)).toBeTruthy();
  expect(within(d).getByText('骊山路营业厅')).toBeTruthy();
  expect(await within(d).findByText('出席 0 次 · 缺席 2 次 · 请假 0 次')).toBeTruthy();
  await within(d).findByText('十一月主题党日');
  const rows = [...d.querySelectorAll('tr')].filter((tr) => tr.textContent?.includes('主题党日')).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
  expect(rows).toEqual([
    ['2026-11-15', '主题党日', w.branch.name, '十一月主题党日', '缺席外出培训'],
    ['2026-10-18', '主题党日', w.branch.name, '2026-10主题党日', '缺席外出培训'],
  ]);
  // No raw timestamp anywhere on the record.
  expect(d.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
  const entry = await within(d).findByText((_, el) => el?.parentElement?.classList.contains('ant-timeline-item-content') === true);
  expect(entry.textContent).toMatch(/^2026-11-20 流动：无 → 外出流动：西安市雁塔区（外出务工） · /);
}, 90_000);

it('gives a probationary member the end of probation', async () => {
  render(<App><PersonRecord open personId={w.probationary.id} onClose={() => {}} /></App>);
  const d = await drawer('陈预备');
  expect(within(d).getByTestId('record-probation').textContent).toContain('预备期满 2026-11-28（接收之日 2025-11-28 起 12 个月）');
});

it('switches to the form on 编辑 and comes back to the record with the change saved', async () => {
  const user = userEvent.setup();
  let changed: boolean | undefined;
  const member = w.full[1]!;
  render(<App><PersonRecord open personId={member.id} onClose={(c) => (changed = c)} /></App>);
  const d = await drawer(member.name);
  await user.click(within(d).getByRole('button', { name: /编\s*辑/ }));
  const form = (await screen.findByText(`编辑 · ${member.name}`)).closest('[role="dialog"]') as HTMLElement;
  await waitFor(() => expect((within(form).getByLabelText('姓名') as HTMLInputElement).value).toBe(member.name));
  await user.type(within(form).getByLabelText('备注'), '党员示范岗');
  await user.click(within(form).getByRole('button', { name: /保\s*存/ }));
  expect(await within(await drawer(member.name)).findByText('党员示范岗')).toBeTruthy();
  expect(backend.calls.filter((c) => c === 'people.record').length).toBeGreaterThanOrEqual(2);
  await user.click(within(await drawer(member.name)).getByRole('button', { name: /close|关闭/i }));
  expect(changed).toBe(true);
}, 90_000);
