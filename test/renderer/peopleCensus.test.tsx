// The census form against a real backend: the id fills gender and birth date, Enter saves and starts
// the next person with the cursor in 姓名, and partner staff are not kept without consent.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CensusForm } from '../../renderer/features/people/census/CensusForm';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { buildOutlet, buildTree } from '../support/builders.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
let outletId: string;
beforeEach(async () => {
  backend = await realBackend();
  const { county } = await buildTree(backend.context());
  outletId = (await buildOutlet(backend.context(), county.id, { channelType: 'social_partner' })).id;
});
afterEach(async () => backend.cleanup());

const count = () => (backend.store.raw.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

async function chooseEmployment(form: HTMLElement, label: string) {
  const select = within(form).getByLabelText('用工性质');
  fireEvent.mouseDown(select);
  const option = await waitFor(() => {
    const o = document.querySelector(`.ant-select-item-option[title="${label}"]`);
    if (!o) throw new Error('option not shown');
    return o;
  });
  fireEvent.click(option);
}

it('fills gender and birth date from the id, saves on Enter and starts the next person', async () => {
  const user = userEvent.setup();
  let saves = 0;
  render(<App><CensusForm outletId={outletId} onSaved={() => saves++} /></App>);
  const form = await screen.findByRole('form', { name: '逐人登记' });
  const name = within(form).getByLabelText('姓名');
  await waitFor(() => expect(document.activeElement).toBe(name));
  await user.type(name, '刘店主');
  await user.type(within(form).getByLabelText('身份证号'), makeCitizenId('610115', '1979-04-23', 51, false));
  await waitFor(() => expect((within(form).getByLabelText('出生日期') as HTMLInputElement).value).toBe('1979-04-23'));
  expect(within(form).getByTitle('女')).toBeTruthy();
  await user.type(within(form).getByLabelText('手机号'), '13991230001{Enter}');
  await waitFor(() => expect(saves).toBe(1));
  expect(count()).toBe(1);
  await waitFor(() => expect((within(form).getByLabelText('姓名') as HTMLInputElement).value).toBe(''));
  await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('姓名')));
  const row = backend.store.raw.prepare('SELECT name, gender, birth_date, outlet_id, political_status FROM people').get();
  expect(row).toEqual({ name: '刘店主', gender: 'female', birth_date: '1979-04-23', outlet_id: outletId, political_status: 'masses' });
});

it('keeps no record of partner staff until their consent is recorded', async () => {
  const user = userEvent.setup();
  render(<App><CensusForm outletId={outletId} onSaved={() => {}} /></App>);
  const form = await screen.findByRole('form', { name: '逐人登记' });
  await chooseEmployment(form, '合作方员工');
  await user.type(within(form).getByLabelText('姓名'), '孙营业{Enter}');
  expect(await within(form).findByText('合作方员工须记录本人同意信息采集的日期')).toBeTruthy();
  expect(count()).toBe(0);
  await user.click(within(form).getByText('本人同意采集信息（记录今天为同意日期）'));
  await user.type(within(form).getByLabelText('姓名'), '{Enter}');
  await waitFor(() => expect(count()).toBe(1));
  const consent = (backend.store.raw.prepare('SELECT consent_on FROM people').get() as { consent_on: string }).consent_on;
  expect(consent).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
