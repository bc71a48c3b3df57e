// 考核预警 end to end in Chromium through browser mode: a county organiser sees a branch's red light
// (a member who has not attended organisation life since the records began), drills down to the member, opens a
// rectification item for the branch secretary; the secretary starts and completes it with evidence
// and cannot verify it; the organiser verifies it. Screenshots at 1366×768 in both languages.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { openProfile, setIdentity } from '../../db/profile.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { E2E_UNLOCK, startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/assessment';
const BRANCH = '骊山营业部党支部';
const SECRETARY = '王书记';
const ORGANISER = '刘组织员';

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;
let county: { id: string; path: string };

async function api<T>(name: string, input: unknown): Promise<T> {
  const r = await app.backend.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as T;
}

async function as(role: 'county_organiser' | 'instructor', userName: string) {
  await app.stop({ keep: true });
  const profile = await openProfile(dir, E2E_UNLOCK);
  await setIdentity(profile.store, { role, userName, scopePath: county.path });
  await profile.store.close();
  app = await startApp(dir);
  await page.goto(app.url);
}

/** A screenshot into test-output and a copy into /work/shots/assessment. */
async function keep(name: string) {
  const file = await shot(page, `assessment-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-assess-'));
  app = await startApp(dir);
  const hq = await api<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await api<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  county = await api<{ id: string; path: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outlet = await api<{ id: string }>('outlets.save', { code: 'LT-E2E-01', name: '骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  const people = [];
  for (const [i, name] of [SECRETARY, '赵长期', '孙党员'].entries()) {
    people.push(await api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', `198${i}-03-0${i + 1}`, 11 + i, true), politicalStatus: 'full_member', outletId: outlet.id,
      member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' },
    }));
  }
  await api('partyOrgs.save', { id: branch.id, name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id], committee: [{ personId: people[0]!.id, role: 'secretary' }] });
  // The county's records of organisation life begin eight months ago, with a theme day 赵长期 missed:
  // months without organisation life are counted from there (not from joining in 2010).
  await api('activities.save', {
    type: 'theme_day', orgId: branch.id, title: '主题党日', heldOn: new Date(Date.now() - 240 * 86_400_000).toISOString().slice(0, 10), place: '党员活动室', topic: '学习党章',
    hostPersonId: people[0]!.id, recorderPersonId: people[0]!.id, minutes: '集体学习。',
    attendance: [{ personId: people[0]!.id, status: 'present' }, { personId: people[1]!.id, status: 'absent', reason: '外出' }, { personId: people[2]!.id, status: 'absent', reason: '值班' }],
  });
  browser = await launchBrowser();
  page = await newPage(browser);
  await as('county_organiser', ORGANISER);
}, 180_000);

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `assessment-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
const openAssessment = () => page.getByRole('menuitem', { name: /考核预警|Assessment/ }).click();

it('an organiser sees a red light, drills down and opens a rectification item', async () => {
  await openAssessment();
  const lights = page.getByTestId('as-lights');
  await expect.poll(() => lights.getByText(BRANCH).isVisible(), { timeout: 20_000 }).toBe(true);
  await expect.poll(async () => Number(await page.getByTestId('as-counts').locator('.ant-statistic-content-value').first().textContent())).toBeGreaterThan(0);
  await keep('01-board-zh');
  await lights.getByRole('button', { name: `${BRANCH} 党员未参加组织生活月数 red` }).click();
  const drill = page.getByTestId('as-drill');
  await expect.poll(() => drill.getByText('赵长期').isVisible()).toBe(true);
  await expect.poll(() => drill.getByText(/^\d+ 个月未参加组织生活（\d{4}-\d\d-\d\d 以来无参加记录）$/).first().isVisible()).toBe(true);
  await keep('02-drill-zh');
  await drill.getByTestId('as-open-item').click();
  const form = page.getByRole('dialog', { name: '新建事项' });
  await form.getByRole('radio', { name: '用户名' }).check();
  await form.getByRole('textbox', { name: '用户名' }).fill(SECRETARY);
  await keep('03-item-form-zh');
  await form.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect.poll(() => form.isVisible()).toBe(false);
  await page.getByRole('tab', { name: '三单' }).click();
  const items = page.getByTestId('as-items');
  await expect.poll(() => items.getByText(`整改：${BRANCH} · 党员未参加组织生活月数`).isVisible()).toBe(true);
  await expect.poll(() => items.getByText('待办理').first().isVisible()).toBe(true);
  // red last month and this month: the visit kept both and escalated once (interview + rectification)
  await expect.poll(() => items.getByText(`约谈：${BRANCH}书记（党员未参加组织生活月数连续两期红灯）`).isVisible()).toBe(true);
  await keep('04-items-zh');
});

it('the owner works and completes it, and cannot verify it', async () => {
  await as('instructor', SECRETARY);
  await expect.poll(() => page.getByTestId('my-items').getByText(`整改：${BRANCH} · 党员未参加组织生活月数`).isVisible(), { timeout: 20_000 }).toBe(true);
  await openAssessment();
  await page.getByRole('tab', { name: '三单' }).click();
  const items = page.getByTestId('as-items');
  await page.getByTestId('as-items-mine').click();
  const row = items.locator('tr', { hasText: `整改：${BRANCH} · 党员未参加组织生活月数` });
  await row.getByRole('button', { name: '开始办理' }).click();
  await row.getByRole('button', { name: '办理完成' }).click();
  const finish = page.getByTestId('as-finish');
  await finish.getByLabel('整改情况/佐证').fill('12月2日已与赵长期谈话，本月主题党日已参加');
  await finish.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect.poll(() => row.getByText('已完成').isVisible()).toBe(true);
  // the owner is offered no 验收, and the backend refuses it anyway
  expect(await items.getByRole('button', { name: /验\s*收/ }).count()).toBe(0);
  const mine = await api<{ rows: { id: string; status: string }[] }>('rectification.list', { mine: true });
  const r = await app.backend.call('rectification.move', { id: mine.rows.find((x) => x.status === 'done')!.id, to: 'verified' });
  expect(r.ok ? '' : r.error.message).toContain('验收须由责任人和完成人以外的人员进行');
  await keep('05-owner-done-zh');
});

it('someone else verifies it', async () => {
  await as('county_organiser', ORGANISER);
  await openAssessment();
  await page.getByRole('tab', { name: '三单' }).click();
  const items = page.getByTestId('as-items');
  await items.getByRole('button', { name: /验\s*收/ }).click();
  await expect.poll(() => items.getByText('已验收').isVisible()).toBe(true);
  await expect.poll(() => items.getByText(`验收人：${ORGANISER}`).isVisible()).toBe(true);
  await keep('06-verified-zh');
  await page.getByRole('tab', { name: '阈值设置' }).click();
  await expect.poll(() => page.getByTestId('as-thresholds').isVisible()).toBe(true);
  await keep('07-thresholds-zh');
});

it('reads the same in English', async () => {
  await setLang('en');
  await page.reload();
  await openAssessment();
  await expect.poll(() => page.getByTestId('as-lights').getByText(BRANCH).isVisible(), { timeout: 20_000 }).toBe(true);
  await keep('11-board-en');
  await page.getByTestId('as-lights').getByRole('button', { name: `${BRANCH} Months a member went without organisation life red` }).click();
  await expect.poll(() => page.getByTestId('as-drill').getByText('赵长期').isVisible()).toBe(true);
  await keep('12-drill-en');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Three lists' }).click();
  await expect.poll(() => page.getByTestId('as-items').getByText('Verified', { exact: true }).isVisible()).toBe(true);
  await keep('13-items-en');
  await page.getByRole('tab', { name: 'Thresholds' }).click();
  await expect.poll(() => page.getByTestId('as-thresholds').isVisible()).toBe(true);
  await keep('14-thresholds-en');
  await setLang('zh');
});
