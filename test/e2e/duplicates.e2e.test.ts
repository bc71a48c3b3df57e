// A duplicate merge in Chromium: two instructors registered the same man (张三 / 张叁, one phone);
// the organiser keeps the record with the meeting attendance and merges the other into it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uuidv7 } from '../../shared/core/ids.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { clickInPopup } from './support/antd.js';
import type { RunningApp } from './support/app.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';


let s: Session;
let app: RunningApp;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);
let keep: string;
let merged: string;

beforeAll(async () => {
  s = await openSession();
  ({ app, page } = s);
  const { county } = await lintongCounty(api);
  const outlet = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: '临潼营业部党支部', orgType: 'branch', unitId: county.id });
  const a = await api<{ id: string }>('people.save', {
    name: '张三', citizenId: makeCitizenId('610115', '1985-06-15', 11, true), phone: '13912345678', politicalStatus: 'full_member', outletId: outlet.id,
    member: { branchId: branch.id, joinDate: '2008-07-01', fullDate: '2009-07-01' },
  });
  const b = await api<{ id: string }>('people.save', { name: '张叁', phone: '13912345678', politicalStatus: 'masses', outletId: outlet.id });
  keep = a.id;
  merged = b.id;
  // 张三 attended a theme day; that record is the one to keep.
  const raw = app.backend.profile.store.raw;
  const T = new Date().toISOString();
  const act = uuidv7();
  raw.prepare(`INSERT INTO activities (id, org_id, type, title, held_on, scope_path, created_at, updated_at) VALUES (?, ?, 'theme_day', '十一月主题党日', ?, ?, ?, ?)`).run(act, branch.id, T.slice(0, 10), county.path, T, T);
  raw.prepare(`INSERT INTO attendance (id, activity_id, person_id, status, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'present', ?, ?, ?)`).run(uuidv7(), act, a.id, county.path, T, T);
});

afterAll(async () => {
  await s?.close();
});

it('shows the likely duplicate and merges it into the chosen record', async () => {
  await page.goto(app.url + '#/people');
  await page.getByRole('tab', { name: '疑似重复' }).click();
  await poll(() => page.getByText('共 1 组疑似重复').isVisible()).toBe(true);
  const card = page.locator('.ant-card', { hasText: '姓名拼音和手机号相同' });
  expect(await card.getByText('张叁', { exact: true }).isVisible()).toBe(true);
  // The record with more linked rows is proposed to keep.
  expect(await card.getByRole('radio', { name: '保留 张三' }).isChecked()).toBe(true);
  await shot(page, 'duplicates-01-group');

  await card.getByRole('button', { name: '合并到保留的记录' }).click();
  await poll(() => page.getByText('确定合并吗？').isVisible()).toBe(true);
  await shot(page, 'duplicates-02-confirm');
  await clickInPopup(page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }), () => page.getByText('没有发现疑似重复的人员').isVisible(), 'confirm the merge');
  await shot(page, 'duplicates-03-merged');

  const rows = await api<{ rows: { id: string; name: string }[] }>('people.list', { q: '13912345678' });
  expect(rows.rows.map((r) => r.id)).toEqual([keep]);
  const history = await api<{ kind: string; fromValue: string }[]>('people.history', { personId: keep });
  expect(history.find((h) => h.kind === 'merge')!.fromValue).toBe('张叁');
  const gone = await app.backend.call('people.get', { id: merged });
  expect(gone.ok).toBe(false);

  // The person drawer shows the merge in the history.
  await page.getByRole('tab', { name: '人员名册' }).click();
  await page.locator('.ant-table').getByText('张三', { exact: true }).click();
  await poll(() => page.getByRole('dialog').getByText('合并重复记录：张叁').isVisible()).toBe(true);
  await page.getByRole('dialog').getByText('合并重复记录：张叁').scrollIntoViewIfNeeded();
  await shot(page, 'duplicates-04-history');
});

it('shows the other registry tabs in Chinese, with their empty states', async () => {
  await page.reload();
  for (const [tab, text, name] of [
    ['覆盖盲区', '党员覆盖率', 'registry-tab-coverage'],
    ['发展党员', '发展流程中暂无人员', 'registry-tab-pipeline'],
    ['流动·失联', '流动党员台账', 'registry-tab-registers'],
    ['操作日志', '操作人', 'registry-tab-audit'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
    await poll(() => page.getByText(text).first().isVisible()).toBe(true);
    await shot(page, name); // the tab's slide is played to its end for the picture
  }
});
