// Launches Debian's Chromium through playwright-core. Fails loudly (never skips) when it is missing.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { E2E_PASSPHRASE, runningOrigins } from './app.js';

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

const signedIn = new WeakMap<BrowserContext, Set<string>>();

/**
 * Browser mode answers only a signed-in session (an httpOnly cookie). Before a page's first visit to
 * one of this process's apps, its context signs in with the e2e passphrase, as the sign-in screen
 * does (POST auth/signin); test/e2e/signin.e2e.test.ts goes through the screen itself.
 */
async function signInFor(ctx: BrowserContext, url: string): Promise<void> {
  const origin = new URL(url).origin;
  const done = signedIn.get(ctx) ?? new Set<string>();
  signedIn.set(ctx, done);
  if (!runningOrigins.has(origin) || done.has(origin)) return;
  const r = await ctx.request.post(`${origin}/auth/signin`, { data: { passphrase: E2E_PASSPHRASE }, headers: { origin } });
  if (!r.ok()) throw new Error(`sign-in to ${origin} failed: ${r.status()} ${await r.text()}`);
  done.add(origin);
}

/** A page at a county-office laptop's size (1366×768), in Chinese, on a PC set to Beijing time. */
export async function newPage(browser: Browser, opts: { signIn?: boolean } = {}): Promise<Page> {
  // Reduced motion, as a user may set it (renderer/components/motion.ts): no dialog is clicked while it still zooms in.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: TIMEZONE, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  if (opts.signIn !== false) {
    const goto = page.goto.bind(page);
    page.goto = async (url, o) => {
      await signInFor(ctx, url);
      return goto(url, o);
    };
  }
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
