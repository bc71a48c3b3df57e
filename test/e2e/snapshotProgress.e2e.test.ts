// A first sync through HQ's snapshot as a user watches it on the 同步 screen (Chromium, browser
// mode): while the parts arrive the screen shows the records and MB received of the total and the
// time left, in Chinese and in English; when it is done the card goes and the store holds every
// row the screen counted. HQ's parts are cut small and answered slowly so the sync lasts long
// enough to be seen. Screenshots at 1366×768 in /work/shots/snapshot.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEnrolCode } from '../../hq/auth.js';
import { buildHq } from '../../hq/server.js';
import { snapshotCacheOf } from '../../hq/snapshot/route.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { generateProvince } from '../synthetic/generate.js';
import { enrolledDevice, type TestDevice } from '../sync/support.js';
import { startApp, type RunningApp } from './support/app.js';
import { launchBrowser, newPage, shot } from './support/browser.js';

const SHOTS = '/work/shots/snapshot';
const PART_DELAY_MS = 900;
/** While set, HQ's line drops every part request (the connection breaks half-way). */
let cut = false;
/** The parts asked for, in order. */
const asked: number[] = [];

let dir: string;
let store: HqStore;
let app: FastifyInstance;
let url: string;
let loader: TestDevice;
let county: string;
let device: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-e2e-snap-'));
  store = await openHqStore(join(dir, 'hq.sqlite'));
  app = buildHq({ store });
  // A slow line for the snapshot's parts only: the sync lasts long enough to be watched.
  app.addHook('onRequest', async (req, reply) => {
    if (req.url !== '/v1/snapshot/part') return;
    if (cut) {
      reply.hijack();
      req.raw.socket.destroy();
      return;
    }
    await new Promise((r) => setTimeout(r, PART_DELAY_MS));
  });
  app.addHook('preHandler', async (req) => {
    if (req.url === '/v1/snapshot/part') asked.push((req.body as { n: number }).n);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const code = (userName: string, role: 'hq_admin' | 'county_organiser', scopePath: string) => createEnrolCode(store, { userName, role, scopePath });
  loader = await enrolledDevice({ url, code }, { user: '省公司管理员', role: 'hq_admin', scope: '/' });
  await generateProvince(loader.store.raw, { counties: 1, seed: 31, suppressCapture: null });
  await loader.sync({ pushBatch: 1000 });
  county = (loader.store.raw.prepare(`SELECT path FROM org_units WHERE level = 'county' LIMIT 1`).get() as { path: string }).path;
  snapshotCacheOf(store)!.partRows = 300;
  device = await startApp();
  browser = await launchBrowser();
  page = await newPage(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await device?.stop();
  await loader?.cleanup();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function keep(name: string) {
  const file = await shot(page, `snapshot-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `${name}.png`));
}

const total = (s: string) => Number(/\/ ([\d,]+)/.exec(s)![1]!.replace(/,/g, ''));
const done = (s: string) => Number(/([\d,]+) \//.exec(s)![1]!.replace(/,/g, ''));
const setLang = (lang: 'zh' | 'en') => page.evaluate(`localStorage.setItem('rc.lang', '${lang}')`);
const heldRows = () => (device.backend.profile.store.raw.prepare(`SELECT count(*) AS n FROM sync_row_clock`).get() as { n: number }).n;

it('shows rows, MB and time left during a first sync, in Chinese and English, and the store holds what it counted', async () => {
  await page.goto(`${device.url}#/sync`);
  await expect.poll(() => page.getByText('注册本设备到总部').isVisible(), { timeout: 20_000 }).toBe(true);
  // Enrolment starts the first sync right away (sync.enrol); the screen, polling, shows it.
  const enrolled = device.backend.call('sync.enrol', { hqUrl: url, code: await createEnrolCode(store, { userName: '县组织员', role: 'county_organiser', scopePath: county }) });
  const card = page.getByTestId('sync-first-progress');
  await expect.poll(() => card.isVisible(), { timeout: 30_000, interval: 200 }).toBe(true);
  await expect.poll(async () => (await page.getByTestId('sync-first-left').textContent()) ?? '', { timeout: 15_000 }).toMatch(/约 \d+ (秒|分钟)/);
  const zhRows = (await page.getByTestId('sync-first-rows').textContent()) ?? '';
  expect(zhRows).toMatch(/记录[\d,]+ \/ [\d,]+ 条/);
  expect(await card.textContent()).toMatch(/首次同步：正在从总部下载/);
  expect(await page.getByTestId('sync-first-mb').textContent()).toMatch(/数据量\d+\.\d \/ \d+\.\d MB/);
  await keep('01-progress-zh');

  await setLang('en');
  await page.reload();
  await expect.poll(() => card.isVisible(), { timeout: 20_000, interval: 200 }).toBe(true);
  await expect.poll(async () => (await page.getByTestId('sync-first-left').textContent()) ?? '', { timeout: 15_000 }).toMatch(/about \d+ (s|min)/);
  expect(await card.textContent()).toContain('First sync: downloading the data of this device\u2019s scope from HQ');
  // The count moves on while shown: a part comes every 0.9 s, and the reload can take less than that.
  const rowsNow = async () => (await page.getByTestId('sync-first-rows').textContent()) ?? '0 / 0';
  await expect.poll(async () => done(await rowsNow()), { timeout: 15_000, interval: 200 }).toBeGreaterThan(done(zhRows));
  const enRows = await rowsNow();
  await keep('02-progress-en');

  // The line breaks: the screen says the first sync is paused with what it has.
  cut = true;
  const r = await enrolled;
  expect(r.ok).toBe(true);
  await expect.poll(async () => (await card.textContent()) ?? '', { timeout: 20_000 }).toContain('First sync paused');
  const pausedRows = (await page.getByTestId('sync-first-rows').textContent()) ?? '';
  expect(await page.getByTestId('sync-first-left').count()).toBe(0);
  await keep('03-paused-en');
  const loadedParts = asked.length;

  cut = false;
  const again = await device.backend.call('sync.now', {});
  expect(again.ok).toBe(true);
  await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(0);
  // It went on from the parts it had: none of them was asked for again.
  const resumedFrom = asked[loadedParts]!;
  expect(resumedFrom).toBeGreaterThan(0);
  expect(resumedFrom * 300).toBe(done(pausedRows));
  await expect.poll(() => page.getByTestId('sync-card-Connection').textContent(), { timeout: 20_000 }).toContain('Connected');
  await keep('04-done-en');
  // The total the screen showed is what the store now holds, and it grew while shown.
  expect(total(enRows)).toBe(heldRows());
  expect(total(zhRows)).toBe(total(enRows));
  expect(done(enRows)).toBeGreaterThan(done(zhRows));
  expect(done(enRows)).toBeLessThan(total(enRows));
  await setLang('zh');
}, 240_000);
