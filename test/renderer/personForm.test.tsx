import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PersonForm } from '../../renderer/features/people/PersonForm';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
});
afterEach(async () => backend.cleanup());

it('checks the id as it is typed and fills birth date and gender from it', async () => {
  const user = userEvent.setup();
  render(<App><PersonForm open onClose={() => {}} /></App>);
  const dialog = await screen.findByRole('dialog');
  const idInput = within(dialog).getByLabelText('身份证号');
  const good = makeCitizenId('610115', '1991-08-09', 24, false);
  await user.type(idInput, good.slice(0, 17) + (good[17] === '3' ? '4' : '3'));
  expect(await within(dialog).findByText('身份证号校验位错误，请核对')).toBeTruthy();
  await user.clear(idInput);
  await user.type(idInput, good);
  await waitFor(() => expect((within(dialog).getByLabelText('出生日期') as HTMLInputElement).value).toBe('1991-08-09'));
  await waitFor(() => expect(within(dialog).queryByText('身份证号校验位错误，请核对')).toBeNull());
  expect(within(dialog).getByTitle('女')).toBeTruthy();
});

it('refuses a malformed phone number in Chinese, writes nothing, then saves once fixed', async () => {
  const user = userEvent.setup();
  let saved = false;
  render(<App><PersonForm open onClose={(p) => (saved = !!p)} /></App>);
  const dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByLabelText('姓名'), '周九');
  await user.type(within(dialog).getByLabelText('手机号'), '2345');
  await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
  expect(await within(dialog).findByText('手机号应为11位数字，以1开头')).toBeTruthy();
  const count = () => (backend.store.raw.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  expect(saved).toBe(false);
  expect(count()).toBe(0);
  await user.clear(within(dialog).getByLabelText('手机号'));
  await user.type(within(dialog).getByLabelText('手机号'), '13700001111');
  await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
  await waitFor(() => expect(saved).toBe(true));
  expect(backend.calls).toContain('people.save');
  expect(count()).toBe(1);
});
