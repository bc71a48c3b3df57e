// 党员底数摸排 in Chromium: an instructor picks an outlet once, then registers its staff one after
// another with the keyboard — the id is checked as typed and fills gender and birth date, Enter saves
// and starts the next person, partner staff need a recorded consent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { pick, searchPickIn, typeDate } from './support/antd.js';
import type { RunningApp } from './support/app.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';


let s: Session;
let app: RunningApp;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);

beforeAll(async () => {
  s = await openSession();
  ({ app, page } = s);
  const { county } = await lintongCounty(api);
  const outlet = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0107', name: '骊山街道社会合作厅', channelType: 'social_partner', countyId: county.id, staffCount: 4 });
  await api('partyOrgs.save', { name: '临潼渠道联合党支部', orgType: 'joint_branch', unitId: county.id, outletIds: [outlet.id] });
});

afterAll(async () => {
  await s?.close();
});

const nameInput = () => page.locator('form[aria-label="逐人登记"]').getByLabel('姓名', { exact: true });

it('registers the staff of one outlet one after another from the keyboard', async () => {
  await page.goto(app.url + '#/people');
  await page.getByRole('tab', { name: '底数摸排' }).click();
  await poll(() => page.getByText('先选择要摸排的网点').first().isVisible()).toBe(true);
  await shot(page, 'census-01-pick-outlet');

  await searchPickIn(page, page.locator('#census-outlet'), '骊山街道社会合作厅', '骊山');
  const form = page.locator('form[aria-label="逐人登记"]');
  await poll(() => form.isVisible()).toBe(true);
  await poll(() => page.evaluate('document.activeElement?.id')).toBe('name');

  // The owner: a bad check digit is flagged as it is typed, the right id fills gender and birth date.
  const owner = makeCitizenId('610115', '1979-04-23', 51, true);
  await nameInput().fill('刘店主');
  await page.keyboard.press('Tab');
  await page.keyboard.type(owner.slice(0, 17) + (owner[17] === '5' ? '6' : '5'));
  await poll(() => form.getByText('身份证号校验位错误，请核对').isVisible()).toBe(true);
  await shot(page, 'census-02-bad-check-digit');
  await form.getByLabel('身份证号', { exact: true }).fill(owner);
  await poll(() => form.getByLabel('出生日期', { exact: true }).inputValue()).toBe('1979-04-23');
  expect(await form.getByTitle('男').isVisible()).toBe(true);
  await pick(page, form, '岗位', '店主');
  await pick(page, form, '用工性质', '业主');
  await form.getByLabel('手机号', { exact: true }).fill('13991230001');
  await form.getByLabel('手机号', { exact: true }).press('Enter');
  await poll(() => page.getByText('已登记：刘店主').isVisible()).toBe(true);
  // Next person: the cursor is back in 姓名, the outlet and employment stay.
  await poll(() => page.evaluate('document.activeElement?.id')).toBe('name');
  expect(await nameInput().inputValue()).toBe('');

  // A partner clerk: no record is kept until consent is recorded.
  await pick(page, form, '岗位', '营业员');
  await pick(page, form, '用工性质', '合作方员工');
  await nameInput().fill('孙营业');
  await form.getByLabel('手机号', { exact: true }).fill('13991230002');
  await form.getByLabel('手机号', { exact: true }).press('Enter');
  await poll(() => form.getByText('合作方员工须记录本人同意信息采集的日期').isVisible()).toBe(true);
  await shot(page, 'census-03-consent-required');
  expect((await api<{ total: number }>('people.list', { q: '孙营业' })).total).toBe(0);
  await form.getByText('本人同意采集信息（记录今天为同意日期）').click();
  await nameInput().press('Enter');
  await poll(() => page.getByText('已登记：孙营业').isVisible()).toBe(true);

  // A Party member among the staff: branch defaults to the outlet's covering organisation.
  await nameInput().fill('周党员');
  await pick(page, form, '政治面貌', '中共党员');
  await pick(page, form, '用工性质', '劳务派遣');
  await poll(() => form.getByTitle('临潼渠道联合党支部').isVisible()).toBe(true);
  await typeDate(form, '入党日期', '2012-07-01');
  await nameInput().press('Enter');
  await poll(() => page.getByText('已登记：周党员').isVisible()).toBe(true);

  await poll(() => page.locator('.ant-statistic', { hasText: '已登记' }).innerText()).toContain('3');
  const list = page.locator('.ant-card', { hasText: '本网点已登记人员' });
  for (const n of ['刘店主', '孙营业', '周党员']) expect(await list.getByText(n, { exact: true }).isVisible()).toBe(true);
  await shot(page, 'census-04-three-registered');
  const saved = await api<{ rows: { name: string; gender: string; birthDate: string; politicalStatus: string; citizenId: string }[] }>('people.list', { q: '骊山街道' });
  expect(saved.rows.map((r) => r.name).sort()).toEqual(['刘店主', '周党员', '孙营业']);
  expect(saved.rows.find((r) => r.name === '刘店主')).toMatchObject({ gender: 'male', birthDate: '1979-04-23' });
  expect(saved.rows.find((r) => r.name === '周党员')!.politicalStatus).toBe('full_member');

  // The outlet stays chosen after a reload.
  await page.reload();
  await poll(() => form.isVisible()).toBe(true);
});
