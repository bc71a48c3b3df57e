// 导出修改记录 end to end in Chromium at 1366×768: on 组织架构 an organiser picks the county, opens
// 导出修改记录, keeps this month and exports; the Excel file (read back with exceljs) holds the
// changes of that county only, references by name, the citizen id masked, and the export is in the
// audit log. The same dialog in English. Screenshots zh/en.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';

const SHOTS = process.env.RC_HISTORY_SHOTS ?? '/work/shots/history';
const citizenId = makeCitizenId('610115', '1986-02-03', 21, false);

let s: Session;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);

async function exportShot(name: string) {
  const file = await shot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, basename(file)));
}
const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  Object.assign(s.app.backend.profile.session, { userName: '刘组织员' });
  const { city, county } = await lintongCounty(api);
  const other = await api<{ id: string }>('orgUnits.save', { code: 'xa-yanta', name: '雁塔区分公司', level: 'county', parentId: city.id });
  const a = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0201', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const b = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0202', name: '临潼华清路营业厅', channelType: 'own_store', countyId: county.id });
  await api('outlets.save', { code: 'XA-YT-0301', name: '雁塔小寨营业厅', channelType: 'own_store', countyId: other.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: '临潼营业部党支部', orgType: 'branch', unitId: county.id, outletIds: [a.id, b.id] });
  const person = { name: '陈秀英', citizenId, phone: '13912340021', politicalStatus: 'full_member', outletId: a.id, member: { branchId: branch.id, joinDate: '2012-07-01' } };
  const p = await api<{ id: string }>('people.save', person);
  await api('people.save', { ...person, id: p.id, outletId: b.id });
});

beforeEach((t) => {
  onTestFailed(async () => {
    await shot(page, `history-export-failed-${t.task.name.slice(0, 24).replace(/\W+/g, '-')}`);
  });
});

const scratchDirs: string[] = [];
afterAll(async () => {
  await s?.close();
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

async function openCounty() {
  await page.goto(s.app.url);
  await page.getByRole('menuitem', { name: /组织架构|Organisation/ }).click();
  await page.locator('.ant-tree').getByText('临潼区分公司', { exact: true }).click();
  await poll(() => page.getByTestId('history-export').isVisible()).toBe(true);
}

async function sheet(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))));
  return rows;
}

it('exports a county\'s history for this month to Excel, masked, by name, and logs it', async () => {
  await openCounty();
  await page.getByTestId('history-export').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '导出修改记录 · 临潼区分公司' });
  await poll(() => dialog.getByRole('button', { name: /导出 Excel/ }).isVisible()).toBe(true);
  await exportShot('history-export-01-dialog-zh');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /导出 Excel/ }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^修改记录\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}.*\.xlsx$/);
  const saved = mkdtempSync(join(tmpdir(), 'rc-hexport-'));
  scratchDirs.push(saved); // the export names people: removed after the tests
  const path = join(saved, d.suggestedFilename());
  await d.saveAs(path);
  await poll(() => page.getByText(/已导出 \d+ 条修改记录/).isVisible()).toBe(true);

  const rows = await sheet(path);
  const text = rows.flat().join('|');
  // The move between outlets, by name (the id beside it), by the person signed in.
  const move = rows.find((r) => r[3] === '所在网点 Outlet' && r[4] !== '' && r[5] !== '')!;
  expect(move[4]).toMatch(/^临潼骊山路营业厅（/);
  expect(move[5]).toMatch(/^临潼华清路营业厅（/);
  expect(move[6]).toBe('刘组织员');
  expect(move[2]).toMatch(/^陈秀英（/);
  // The citizen id and phone only masked; nothing of the other county.
  expect(text).toContain(`${citizenId.slice(0, 6)}********${citizenId.slice(-4)}`);
  for (const secret of [citizenId, '13912340021', '雁塔小寨营业厅']) expect(text).not.toContain(secret);
  const logged = s.app.backend.profile.store.raw.prepare(`SELECT description, row_count FROM registry_audit WHERE kind = 'export' ORDER BY rowid DESC LIMIT 1`).get() as { description: string; row_count: number };
  expect(logged.description).toContain('修改记录');
  expect(logged.row_count).toBe(rows.length - 2);
});

it('shows the export dialog in English', async () => {
  await setLang('en');
  try {
    await openCounty();
    await page.getByTestId('history-export').click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Export history · 临潼区分公司' });
    await poll(() => dialog.getByRole('button', { name: /Export to Excel/ }).isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('the export is recorded in the audit log');
    await exportShot('history-export-02-dialog-en');
    await dialog.getByRole('button', { name: /Cancel/ }).click();
  } finally {
    await setLang('zh');
  }
});

it('names the outlets in a member\'s 修改记录, not their ids', async () => {
  await page.goto(s.app.url);
  await page.getByRole('menuitem', { name: /党员信息库|Registry|Members/ }).click();
  await page.locator('.ant-table').getByText('陈秀英', { exact: true }).click();
  const record = page.getByRole('dialog').filter({ has: page.getByTestId('record-name') });
  await poll(() => record.getByTestId('record-name').textContent()).toBe('陈秀英');
  await record.getByTestId('history-toggle').scrollIntoViewIfNeeded();
  await record.getByTestId('history-toggle').click();
  const panel = record.getByTestId('history-panel');
  const move = panel.locator('tbody tr[data-row-key]').filter({ hasText: '所在网点' }).first();
  await poll(() => move.getByTestId('history-change').textContent()).toBe('临潼骊山路营业厅 → 临潼华清路营业厅');
  await move.scrollIntoViewIfNeeded();
  const body = record.locator('.ant-drawer-body');
  // Scrolled to the bottom for the screenshot, again on each try: the drawer may still be growing
  // (rows and images landing) after the first scroll, which left it short of the bottom on a loaded CI.
  await poll(() => body.evaluate((el) => { el.scrollTop = el.scrollHeight; return el.scrollHeight - el.scrollTop - el.clientHeight < 2; })).toBe(true);
  await exportShot('history-export-03-member-outlet-names-zh');
});
