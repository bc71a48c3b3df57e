// Launches Debian's Chromium through playwright-core. Fails loudly (never skips) when it is missing.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.RC_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
/** The users' time zone: China keeps Beijing time (UTC+8) everywhere, whatever zone the CI machine is set to. */
export const TIMEZONE = 'Asia/Shanghai';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get install -y chromium fonts-noto-cjk`);
  }
  // playwright-core gives every launch its own temporary profile folder: two runs never share one.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page at a county-office laptop's size (1366×768), in Chinese, on a PC set to Beijing time. */
export async function newPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: TIMEZONE });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

let seq = 0;

/**
 * Saves a screenshot to test-output/screenshots/<name>.png. Transitions are played to their end
 * first (antd fades buttons and tabs), so no fixed wait is needed for a settled picture; the file is
 * written whole and then renamed, so a second run on the same machine never leaves half a picture.
 */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  const tmp = `${file}.${process.pid}.${++seq}.tmp`;
  writeFileSync(tmp, await page.screenshot({ animations: 'disabled' }));
  renameSync(tmp, file);
  return file;
}
