// 修改记录 end to end in Chromium at 1366×768: a member edited twice through the form; the record's
// 修改记录 panel shows both changes (old → new), who made them and when, newest first, and the
// creation; the same in English; an outlet's form carries its history too. Screenshots zh/en.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { saveDialog } from './support/antd.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';

const SHOTS = process.env.RC_HISTORY_SHOTS ?? '/work/shots/history';

let s: Session;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);

async function historyShot(name: string) {
  const file = await shot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, basename(file)));
}
const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  // The person signed in on this PC: every change is recorded as theirs.
  Object.assign(s.app.backend.profile.session, { userName: '刘组织员' });
  const { county } = await lintongCounty(api);
  const outlet = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0101', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: '临潼骊山路营业部党支部', orgType: 'branch', unitId: county.id, outletIds: [outlet.id] });
  await api('people.save', {
    name: '王建国', citizenId: makeCitizenId('610115', '1984-05-11', 11, true), phone: '13912345011',
    politicalStatus: 'full_member', outletId: outlet.id, post: 'store_manager', member: { branchId: branch.id, joinDate: '2009-07-01' },
  });
});

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `history-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

afterAll(async () => {
  await s?.close();
});

async function openFromRoster(name: string): Promise<Locator> {
  await page.goto(s.app.url);
  await page.getByRole('menuitem', { name: /党员信息库|Registry|Members/ }).click();
  await page.locator('.ant-table').getByText(name, { exact: true }).click();
  const record = page.getByRole('dialog').filter({ has: page.getByTestId('record-name') });
  await poll(() => record.getByTestId('record-name').textContent()).toBe(name);
  return record;
}

async function editNotes(record: Locator, notes: string, edit: RegExp, title: string) {
  await record.getByRole('button', { name: edit }).click();
  const form = page.getByRole('dialog').filter({ hasText: title });
  await form.getByLabel(/备注|Notes/, { exact: true }).fill(notes);
  await saveDialog(page, form);
  await poll(() => record.getByText(notes).first().isVisible()).toBe(true);
}

async function openHistory(record: Locator): Promise<Locator> {
  const toggle = record.getByTestId('history-toggle');
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  const panel = record.getByTestId('history-panel');
  await poll(() => panel.isVisible()).toBe(true);
  await record.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  return panel;
}

it('edits a member twice and shows both changes with who and when in 修改记录', async () => {
  const record = await openFromRoster('王建国');
  await editNotes(record, '党员示范岗岗长', /编\s*辑/, '编辑 · 王建国');
  await editNotes(record, '党员先锋岗岗长', /编\s*辑/, '编辑 · 王建国');
  const panel = await openHistory(record);
  const notes = panel.locator('tbody tr[data-row-key]').filter({ hasText: '备注' });
  await poll(() => notes.count()).toBe(2);
  // Newest first: (first note) → (second note), then (empty) → (first note); each by the person signed in, with a time.
  expect(await notes.nth(0).getByTestId('history-change').textContent()).toBe('党员示范岗岗长 → 党员先锋岗岗长');
  expect(await notes.nth(1).getByTestId('history-change').textContent()).toBe('（空） → 党员示范岗岗长');
  for (const i of [0, 1]) {
    const cells = await notes.nth(i).locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(cells[3]).toBe('刘组织员');
    expect(cells[5]).toBe('本机录入');
  }
  // The creation is there too, the citizen id masked.
  // Two notes, and the creation of the person and of the member, each one line with its fields folded under it.
  await poll(() => panel.getByTestId('history-count').textContent()).toBe('共 4 处修改');
  const all = await api<{ col: string; newValue: string; op: string }[]>('history.forRecord', { tbl: 'people', rowId: (await api<{ rows: { id: string }[] }>('people.list', { q: '王建国' })).rows[0]!.id });
  expect(all.find((e) => e.col === 'citizen_id')!.newValue).toMatch(/^610115\*{8}/);
  await historyShot('history-01-member-zh');
  // A creation unfolds into the fields the record was created with.
  await panel.locator('tbody tr[data-row-key]').filter({ hasText: '整条记录' }).last().locator('.ant-table-row-expand-icon').click();
  await poll(() => panel.locator('tbody tr[data-row-key]').filter({ hasText: '姓名' }).getByTestId('history-change').textContent()).toBe('新建 王建国');
  await record.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await historyShot('history-01b-created-zh');
});

it('shows the history in English, and an outlet\'s history in its form', async () => {
  await setLang('en');
  try {
    const record = await openFromRoster('王建国');
    const panel = await openHistory(record);
    const notes = panel.locator('tbody tr[data-row-key]').filter({ hasText: 'Notes' });
    await poll(() => notes.count()).toBe(2);
    expect(await notes.nth(1).getByTestId('history-change').textContent()).toBe('(empty) → 党员示范岗岗长');
    expect((await notes.nth(0).locator('td').allTextContents())[5]).toBe('This app');
    await historyShot('history-02-member-en');
  } finally {
    await setLang('zh');
  }
  const outlets = await api<{ rows: { id: string }[] }>('outlets.list', { q: '骊山路' });
  await api('outlets.save', { id: outlets.rows[0]!.id, code: 'XA-LT-0101', name: '临潼骊山路旗舰营业厅', channelType: 'own_store', countyId: (await api<{ id: string; level: string }[]>('orgUnits.list', {})).find((u) => u.level === 'county')!.id });
  await page.goto(s.app.url);
  await page.getByRole('menuitem', { name: /网点|Outlets/ }).first().click();
  await page.locator('.ant-table').getByText('临潼骊山路旗舰营业厅').first().click();
  const form = page.getByRole('dialog').filter({ hasText: '临潼骊山路旗舰营业厅' });
  const toggle = form.getByTestId('history-toggle');
  await toggle.click();
  const rows = form.getByTestId('history-panel').locator('tbody tr[data-row-key]').filter({ hasText: '名称' });
  await poll(() => rows.first().getByTestId('history-change').textContent()).toBe('临潼骊山路营业厅 → 临潼骊山路旗舰营业厅');
  await form.getByTestId('history-panel').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await historyShot('history-03-outlet-zh');
});
