// 待办 → 去登记 on an overdue November theme day opens the form dated 30 November, with the
// period named and the picker limited to it; saving clears November and leaves December due.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { setTransport } from '../../renderer/api/client';
import { DueList } from '../../renderer/features/orglife';
import { buildWorld, type World } from '../orglife/world.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let w: World;
// 12:00 on 3 December in Beijing.
const now = () => new Date('2026-12-03T04:00:00Z');
beforeEach(async () => {
  p = await tempProfile();
  w = await buildWorld({ ...p.context(), now });
  setTransport({ invoke: async (name, input) => dispatch({ ...p.context(), now }, name, input) });
});
afterEach(async () => p.cleanup());

const themeItem = (month: string) =>
  screen.queryAllByTestId('due-item').find((el) => el.textContent?.includes('主题党日') && el.textContent.includes(w.branch.name) && el.textContent.includes(month));

it('settles the overdue month it was opened from, not the current one', async () => {
  const user = userEvent.setup();
  render(<App><DueList /></App>);
  await waitFor(() => expect(themeItem('2026年11月')).toBeTruthy(), { timeout: 8000 });
  expect(themeItem('2026年12月')).toBeTruthy();

  await user.click(within(themeItem('2026年11月')!).getByRole('button', { name: '去登记' }));
  const notice = await screen.findByTestId('settle-period');
  expect(notice.textContent).toContain('补登2026年11月的记录：日期须在 2026-11-01 至 2026-11-30 之间');
  const dialog = notice.closest('.ant-drawer-content, .ant-modal-content, [role="dialog"]') as HTMLElement;
  const date = dialog.querySelector('input#heldOn') as HTMLInputElement;
  expect(date.value).toBe('2026-11-30');

  await screen.findByText('陈预备', { selector: 'td span' }, { timeout: 8000 }); // attendance filled from the branch
  await user.type(within(dialog).getByLabelText('主题'), '学习贯彻党的二十届四中全会精神');
  await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
  await waitFor(() => expect(themeItem('2026年11月')).toBeFalsy(), { timeout: 8000 });
  expect(themeItem('2026年12月')).toBeTruthy();
  const saved = p.store.raw.prepare(`SELECT held_on FROM activities WHERE type = 'theme_day'`).all();
  expect(saved).toEqual([{ held_on: '2026-11-30' }]);
}, 30_000);
