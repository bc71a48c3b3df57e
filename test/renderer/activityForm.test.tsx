// The activity form against a real backend: attendance filled from the branch, quorum shown
// before saving with the probationary member left out, a missing reason refused in Chinese, and no
// absent member taken as host or recorder.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ActivityForm } from '../../renderer/features/orglife/activities/ActivityForm';
import { buildWorld, type World } from '../orglife/world.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
let w: World;
beforeEach(async () => {
  backend = await realBackend();
  w = await buildWorld(backend.context());
});
afterEach(async () => backend.cleanup());

const count = (table: string) => (backend.store.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const rowOf = (name: string) => screen.getByText(name, { selector: 'td span' }).closest('tr')!;
// antd hides the real radio input; a user clicks its label.
const choose = (name: string, status: string) => userEvent.click(within(rowOf(name)).getByText(status));

it('fills attendance from the branch and shows the quorum before saving, probationary member left out', async () => {
  render(<App><ActivityForm open preset={{ type: 'general_meeting', orgId: w.branch.id }} onClose={() => {}} /></App>);
  await screen.findByText('陈预备', { selector: 'td span' }, { timeout: 8000 });
  expect(within(rowOf('陈预备')).getByText('预备党员')).toBeTruthy();
  const quorum = await screen.findByTestId('quorum');
  expect(within(quorum).getByText('符合法定人数')).toBeTruthy();
  expect(quorum.textContent).toContain('有表决权的党员应到 4 人（预备党员 1 人不计入），实到 4 人，须超过半数即至少 3 人');
  await choose('王建国', '缺席');
  await choose('李秀英', '请假');
  // The probationary member being present does not make up the numbers.
  await waitFor(() => expect(within(quorum).getByText('未达到法定人数：会议作出的决议无效')).toBeTruthy());
  expect(quorum.textContent).toContain('实到 2 人');
  expect(count('activities')).toBe(0);
});

it('refuses an absence without a reason in Chinese and writes nothing, then saves the theme day', async () => {
  const user = userEvent.setup();
  let saved: unknown;
  render(<App><ActivityForm open preset={{ type: 'theme_day', orgId: w.branch.id }} onClose={(s) => (saved = s)} /></App>);
  await screen.findByText('刘洋', { selector: 'td span' }, { timeout: 8000 });
  await user.type(screen.getByLabelText('主题'), '学习贯彻党的二十届四中全会精神');
  await choose('刘洋', '缺席');
  await user.click(screen.getByRole('button', { name: /保\s*存/ }));
  expect(await screen.findByText('缺席或请假须注明原因')).toBeTruthy();
  expect(saved).toBeUndefined();
  expect(count('activities')).toBe(0);
  await user.type(within(rowOf('刘洋')).getByLabelText('刘洋 原因'), '外出培训');
  await user.click(screen.getByRole('button', { name: /保\s*存/ }));
  await waitFor(() => expect(saved).toBeTruthy());
  expect(backend.calls).toContain('activities.save');
  expect(count('activities')).toBe(1);
  expect(count('attendance')).toBe(5);
  const row = backend.store.raw.prepare(`SELECT title, topic FROM activities`).get() as { title: string; topic: string };
  expect(row.topic).toBe('学习贯彻党的二十届四中全会精神');
  expect(row.title).toMatch(/^\d{4}年\d{1,2}月主题党日：学习贯彻/);
});

// Field trial, "attendance contradictions": a member marked absent or on leave could be chosen as
// host or recorder. The form offers them greyed out, and one chosen before being marked so gets the
// error under the field; nothing is saved until it is put right.
async function openSelect(label: string): Promise<HTMLElement> {
  fireEvent.mouseDown(screen.getByLabelText(label));
  return waitFor(() => {
    const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter((d) => !d.className.includes('hidden'));
    if (!open.length) throw new Error(`${label}: no open list`);
    return open.at(-1)!;
  });
}
const option = (list: HTMLElement, title: string) => list.querySelector<HTMLElement>(`.ant-select-item-option[title="${title}"]`);

it('does not offer someone marked absent or on leave as host or recorder, and shows the error on the field', async () => {
  let saved: unknown;
  // fireEvent throughout: this form's DOM is large, and user-event's pointer checks are slow on it.
  const mark = (name: string, status: string) => fireEvent.click(within(rowOf(name)).getByText(status));
  const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
  render(<App><ActivityForm open preset={{ type: 'general_meeting', orgId: w.branch.id }} onClose={(s) => (saved = s)} /></App>);
  await screen.findByText('刘洋', { selector: 'td span' }, { timeout: 8000 });
  const hostList = await openSelect('主持人');
  fireEvent.click(option(hostList, '刘洋')!);
  mark('刘洋', '缺席');
  type(await within(rowOf('刘洋')).findByLabelText('刘洋 原因'), '外出培训');
  mark('李秀英', '请假');
  type(await within(rowOf('李秀英')).findByLabelText('李秀英 原因'), '病假');
  const hostField = screen.getByLabelText('主持人').closest('.ant-form-item') as HTMLElement;
  expect(await within(hostField).findByText('主持人在出勤名单中为“缺席”，不能担任主持人；请改选出席的人员，或更正出勤')).toBeTruthy();

  const recorderList = await openSelect('记录人');
  await waitFor(() => expect(option(recorderList, '李秀英（请假）')?.getAttribute('aria-disabled')).toBe('true'));
  expect(option(recorderList, '刘洋（缺席）')?.getAttribute('aria-disabled')).toBe('true');
  expect(option(recorderList, '张伟')?.getAttribute('aria-disabled')).toBe('false');
  fireEvent.click(option(recorderList, '李秀英（请假）')!); // a disabled option cannot be taken
  expect(within(screen.getByLabelText('记录人').closest('.ant-select') as HTMLElement).queryByText(/李秀英/)).toBeNull();

  type(screen.getByLabelText('议题'), '讨论预备党员转正');
  fireEvent.click(screen.getByText(/保\s*存/, { selector: 'button span' }).closest('button')!);
  expect(await screen.findByText('主持人在出勤名单中为“缺席”，不能担任主持人；请改选出席的人员，或更正出勤', { selector: '.ant-message *' })).toBeTruthy();
  expect(saved).toBeUndefined();
  expect(count('activities')).toBe(0);

  // Marking 刘洋 present again clears the error on the field.
  mark('刘洋', '出席');
  await waitFor(() => expect(within(hostField).queryByText(/不能担任主持人/)).toBeNull());
}, 60_000);
