// "A person is a record, not a form", end to end in Chromium at 1366×768: opening a member from the
// roster shows their record (masked id, branch, standing, the meetings attended with their marks);
// 编辑 opens the form, a changed field is saved, and the record comes back with the change. The
// record of a probationary member shows when probation ends. Screenshots in Chinese and English.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { saveDialog } from './support/antd.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';

const SHOTS = process.env.RC_PERSON_SHOTS ?? '/work/shots/person';
const BRANCH = '临潼骊山路营业部党支部';

let s: Session;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);

/** test-output/screenshots like every e2e picture, and a copy where the person view's pictures are looked at. */
async function personShot(name: string) {
  const file = await shot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, basename(file)));
}

const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  const { county } = await lintongCounty(api);
  const outlet = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0101', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: BRANCH, orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  const member = (name: string, seq: number, over: Record<string, unknown> = {}) =>
    api<{ id: string }>('people.save', {
      name, citizenId: makeCitizenId('610115', '1984-05-1' + (seq % 10), seq, seq % 2 === 1), phone: `1391234${String(5000 + seq)}`,
      politicalStatus: 'full_member', outletId: outlet.id, post: 'store_manager', member: { branchId: branch.id, joinDate: '2009-07-01' }, ...over,
    });
  const wang = await member('王建国', 11);
  const li = await member('李秀英', 12);
  const zhang = await member('张伟', 13);
  const chen = await member('陈预备', 14, { politicalStatus: 'probationary', member: { branchId: branch.id, joinDate: '2026-03-20' } });
  const meeting = (heldOn: string, title: string, wangMark: Record<string, unknown>) => api('activities.save', {
    type: 'theme_day', orgId: branch.id, title, heldOn, topic: '学习党的二十届四中全会精神', hostPersonId: li.id, recorderPersonId: zhang.id,
    attendance: [{ personId: wang.id, ...wangMark }, { personId: li.id, status: 'present' }, { personId: zhang.id, status: 'present' }, { personId: chen.id, status: 'present' }],
  });
  await meeting('2026-09-20', '九月主题党日：参观革命旧址', { status: 'present' });
  await meeting('2026-10-18', '十月主题党日：反诈宣传进社区', { status: 'excused', reason: '外出培训' });
  await meeting('2026-11-15', '十一月主题党日：学习四中全会精神', { status: 'present' });
  await api('activities.save', {
    type: 'committee_meeting', orgId: branch.id, title: '支委会：研究发展党员工作', heldOn: '2026-11-02', hostPersonId: wang.id, recorderPersonId: li.id,
    agenda: '讨论发展对象', attendance: [{ personId: wang.id, status: 'present' }, { personId: li.id, status: 'present' }],
  });
  await api('points.addEntry', { personId: wang.id, itemKey: 'honour', occurredOn: '2026-11-20', reason: '获评县公司优秀党员' });
  await api('members.recordChange', { personId: zhang.id, change: { kind: 'mobility', mobility: 'outbound', on: '2026-08-01', destination: '西安市雁塔区', reason: '外出务工' } });
});

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `person-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await s?.close();
});

/** Scrolls the record to its end (the meetings attended), as the user does with the wheel. */
const toBottom = (record: Locator) => record.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));

async function openFromRoster(name: string): Promise<Locator> {
  await page.goto(s.app.url);
  await page.getByRole('menuitem', { name: /党员信息库|Registry|Members/ }).click();
  await page.locator('.ant-table').getByText(name, { exact: true }).click();
  const record = page.getByRole('dialog').filter({ has: page.getByTestId('record-name') });
  await poll(() => record.getByTestId('record-name').textContent()).toBe(name);
  return record;
}

it('opens a member from the roster as a record, edits a field, and comes back to the record with it', async () => {
  const record = await openFromRoster('王建国');
  // The record reads, it is not a form: no input to type into, the id masked.
  expect(await record.locator('input').count()).toBe(0);
  expect(await record.getByTestId('record-citizen-id').textContent()).toMatch(/^610115\*{8}\d{3}[\dX]/);
  expect(await record.getByText(BRANCH).first().isVisible()).toBe(true);
  await poll(() => record.getByTestId('record-attendance-counts').textContent()).toBe('出席 3 次 · 缺席 0 次 · 请假 1 次');
  const rows = record.getByTestId('record-attended').locator('tbody tr[data-row-key]');
  await rows.first().scrollIntoViewIfNeeded();
  await poll(() => rows.count()).toBe(4);
  expect(await rows.first().locator('td').allTextContents()).toEqual(['2026-11-15', '主题党日', BRANCH, '十一月主题党日：学习四中全会精神', '出席']);
  expect(await rows.nth(2).locator('td').allTextContents()).toEqual(['2026-10-18', '主题党日', BRANCH, '十月主题党日：反诈宣传进社区', '请假外出培训']);
  expect(await record.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
  await personShot('person-01-record-zh');
  await toBottom(record);
  await personShot('person-01b-attended-zh');

  await record.getByRole('tab', { name: /主持、记录、授课/ }).click();
  await poll(() => record.getByTestId('record-hosted').locator('tbody tr[data-row-key]').first().locator('td').allTextContents())
    .toEqual(['2026-11-02', '支委会', BRANCH, '支委会：研究发展党员工作', '主持人']);
  await personShot('person-02-hosted-zh');

  // The member's points ledger (党员积分) for this year, entries with what they counted.
  await record.getByRole('tab', { name: '党员积分' }).click();
  const points = record.locator('tbody tr[data-row-key]').filter({ hasText: '获评县公司优秀党员' });
  await poll(() => points.locator('td').allTextContents()).toEqual(['2026-Q4', '2026-11-20', '获得表彰', '5', '手工', '获评县公司优秀党员']);
  await personShot('person-02b-points-zh');

  await record.getByRole('button', { name: /编\s*辑/ }).click();
  const form = page.getByRole('dialog').filter({ hasText: '编辑 · 王建国' });
  await poll(() => form.getByLabel('姓名', { exact: true }).inputValue()).toBe('王建国');
  await form.getByLabel('备注', { exact: true }).fill('党员示范岗岗长');
  await personShot('person-03-edit-zh');
  await saveDialog(page, form);

  await poll(() => record.getByText('党员示范岗岗长').isVisible()).toBe(true);
  expect(await record.getByTestId('record-name').isVisible()).toBe(true);
  const saved = await api<{ rows: { id: string }[] }>('people.list', { q: '王建国' });
  expect((await api<{ notes: string }>('people.get', { id: saved.rows[0]!.id })).notes).toBe('党员示范岗岗长');
  await personShot('person-04-after-save-zh');
});

it('shows a probationary member when probation ends, and the record in English', async () => {
  const record = await openFromRoster('陈预备');
  await poll(() => record.getByTestId('record-probation').textContent()).toContain('预备期满 2027-03-20（接收之日 2026-03-20 起 12 个月）');
  await personShot('person-05-probationary-zh');

  await setLang('en');
  try {
    const en = await openFromRoster('张伟');
    await poll(() => en.getByRole('tab', { name: 'Organisational life attended (3)' }).isVisible()).toBe(true);
    await poll(() => en.getByTestId('record-attendance-counts').textContent()).toBe('Present 3 · absent 0 · excused 0');
    expect(await en.getByText(/Mobility: None → Outbound: 西安市雁塔区 \(外出务工\)/).isVisible()).toBe(true);
    await personShot('person-06-record-en');
    await toBottom(en);
    await personShot('person-06b-attended-en');
    await en.getByRole('button', { name: /Edit/ }).click();
    const form = page.getByRole('dialog').filter({ hasText: 'Edit · 张伟' });
    await poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('张伟');
    await personShot('person-07-edit-en');
  } finally {
    await setLang('zh');
  }
});
