// Enrolling from a picture of the QR code the HQ console shows (issue 16 item 2), in Chromium through
// browser mode: a screenshot of the code alone fills the code; a photo of a printed slip whose QR is a
// link fills the HQ address too; a picture with no QR code says so and fills nothing. Enrolled with
// what was read. Screenshots at 1366×768 in test-output/screenshots.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it, onTestFailed } from 'vitest';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';
import { startE2eHq, type E2eHq } from './support/sync-hq.js';

let hq: E2eHq;
let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  hq = await startE2eHq();
  app = await startApp();
  browser = await launchBrowser();
  page = await newPage(browser);
  dir = mkdtempSync(join(tmpdir(), 'rc-qr-'));
});

beforeEach((t) => {
  onTestFailed(async () => void (await shot(page, `enrol-qr-failed-${t.task.name.slice(0, 20).replace(/\W+/g, '-')}`)));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await hq?.close();
  rmSync(dir, { recursive: true, force: true });
});

const codeField = () => page.getByLabel(/^(注册码|Enrolment code)$/);
const urlField = () => page.getByLabel(/总部服务器地址|HQ server address/);
async function choosePicture(file: string): Promise<void> {
  await page.getByTestId('enrol-qr').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]').setInputFiles(file);
}

it('reads the code from a screenshot of the console’s QR code', async () => {
  await page.goto(`${app.url}#/sync`);
  await codeField().waitFor();
  const code = await hq.code('张县组织员', 'county_organiser', '/hq/xa/xa-lintong/');
  const file = join(dir, 'code.png');
  await QRCode.toFile(file, code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  await choosePicture(file);
  await expect.poll(() => codeField().inputValue()).toBe(code);
  await page.getByText('已从图片读出注册码').waitFor();
  expect(await urlField().inputValue()).toBe('');
  await shot(page, 'enrol-qr-01-code-zh');
});

it('says a picture without an enrolment QR code has none, and fills nothing', async () => {
  await codeField().fill('');
  const none = '图片中没有找到注册二维码：请换一张更清晰、完整的图片，或直接输入注册码';
  const screen = join(dir, 'screen.png');
  await page.screenshot({ path: screen }); // a picture with plenty in it, but no QR code
  await choosePicture(screen);
  await page.getByText(none).first().waitFor();
  const other = join(dir, 'other.png');
  await QRCode.toFile(other, 'https://example.cn/not-an-enrolment', { margin: 2, scale: 8 }); // a QR code, but not ours
  await choosePicture(other);
  await expect.poll(() => page.getByText(none).count()).toBeGreaterThan(0);
  expect(await codeField().inputValue()).toBe('');
  expect(await urlField().inputValue()).toBe('');
  await shot(page, 'enrol-qr-02-none-zh');
});

it('fills the HQ address too from a link, and enrols with what it read', async () => {
  const code = await hq.code('张县组织员', 'county_organiser', '/hq/xa/xa-lintong/');
  const file = join(dir, 'link.png');
  await QRCode.toFile(file, `${hq.url}/enrol?code=${code}`, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  await choosePicture(file);
  await expect.poll(() => codeField().inputValue()).toBe(code);
  expect(await urlField().inputValue()).toBe(hq.url);
  await page.getByText('已从图片读出注册码和总部服务器地址').waitFor();
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  void reloaded.catch(() => {});
  await page.getByRole('button', { name: /^注\s*册$/ }).click();
  await reloaded;
  await expect.poll(() => page.getByTestId('sync-card-连接状态').textContent(), { timeout: 20_000 }).toContain('已连接总部');
  await shot(page, 'enrol-qr-03-enrolled-zh');
});
