// The points publication printed to PDF end to end in Chromium through browser mode: a branch's
// approved quarter, printed alone (A4) from the quarterly table — rank, name, quarter score, grade,
// the probationary and three-lists flags, the publication date, the end of the objection window and
// the approval — with the app's menu left out; printed by an instructor, the three-lists column is
// masked. The page's print is recorded for the click first (headless Chromium shows no dialog, and a
// print still running would collide with page.pdf()); page.pdf() runs only after it, never alongside.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { beijingDayOf } from '../../shared/core/dates.js';
import { shot } from './support/browser.js';
import { BRANCH, last, seedPoints, today } from './support/pointsSeed.js';
import { openSession, poll, type Session } from './support/session.js';

const SHOTS = process.env.RC_POINTS_SHOTS ?? '/work/shots/points';
let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openSession();
  page = s.page;
  await seedPoints(s, { approve: true });
}, 120_000);
afterAll(async () => s?.close());

async function openQuarter(): Promise<void> {
  await page.goto(`${s.app.url}#/assessment`);
  await page.reload();
  const tab = page.getByRole('tab', { name: /党员积分|Member points/ }).first();
  await tab.waitFor({ timeout: 30_000 });
  await tab.click();
  await page.getByText(`${BRANCH} · ${last}`).waitFor();
  await poll(() => page.getByTestId('points-status').textContent()).toBe('已审定锁定');
}

/** Clicks 打印 PDF with window.print recorded, then (the click's print done) has Chromium print the page. */
async function printToPdf(name: string): Promise<string> {
  await page.evaluate(`(() => { const w = window; w.__rcPrints = []; w.__rcPrint = w.print; w.print = function () { w.__rcPrints.push(document.title); }; })()`);
  try {
    await page.getByTestId('points-print-button').click();
    await poll(() => page.evaluate('window.__rcPrints')).toEqual([`${BRANCH} ${last} 党员积分公示表`]);
  } finally {
    await page.evaluate('window.print = window.__rcPrint');
  }
  const printed = mkdtempSync(join(tmpdir(), 'rc-e2e-points-pdf-'));
  const pdf = join(printed, `${name}.pdf`);
  try {
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(pdf, join(SHOTS, `${name}.pdf`));
    // A picture of the first page, to look at.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(SHOTS, name)]);
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(printed, { recursive: true, force: true }); // a members' points table is not left lying in the temp folder
  }
}

it('prints the approved quarter alone, with its flags, dates and approval', async () => {
  onTestFailed(async () => void (await shot(page, 'points-print-failed').catch(() => undefined)));
  await openQuarter();
  const table = await s.api<{ publication: { publishedAt: string; windowEnds: string; approvedAt: string } }>('points.table', { orgId: (await s.api<{ id: string }[]>('points.branches', {}))[0]!.id, quarter: last });
  const text = await printToPdf('print-approved-zh');
  expect(text).toContain(`${BRANCH} ${last} 党员积分公示表`);
  expect(text).toContain(`公示日期：${beijingDayOf(table.publication.publishedAt)}`);
  expect(text).toContain(`异议期至：${table.publication.windowEnds}`);
  expect(text).toContain(`审定情况：已由 本机用户 于 ${beijingDayOf(table.publication.approvedAt)} 审定锁定`);
  expect(text).toMatch(/排名\s+姓名\s+季度得分\s+等级\s+预备党员\s+列入三单/);
  // 王建国: three theme days and an honour; 陈静 probationary; 刘洋 the bottom of five → three lists.
  expect(text).toMatch(/1\s+王建国\s+81\s+良好\n/);
  expect(text).toMatch(/4\s+陈静\s+72\s+合格\s+是\n/);
  expect(text).toMatch(/5\s+刘洋\s+67\s+合格\s+是\n/);
  expect(text).toContain(`打印日期：${today}`);
  // The print stylesheet leaves the app (menu, tabs, buttons) out.
  for (const chrome of ['工作台', '考核预警', '打印 PDF', '导出 Excel', '年度得分']) expect(text).not.toContain(chrome);
  expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
}, 120_000);

it('masks the three-lists column when an instructor prints it', async () => {
  // The device's user is now an instructor (the session is the profile's own object).
  Object.assign(s.app.backend.profile.session, { role: 'instructor', userName: '孙指导' });
  try {
    await openQuarter();
    const text = await printToPdf('print-instructor-zh');
    expect(text).toMatch(/5\s+刘洋\s+67\s+合格\s+\*\n/);
    expect(text).toMatch(/1\s+王建国\s+81\s+良好\s+\*\n/);
    expect(text).toContain('（三单名单已脱敏）');
  } finally {
    Object.assign(s.app.backend.profile.session, { role: 'county_organiser', userName: '本机用户' });
  }
}, 120_000);
