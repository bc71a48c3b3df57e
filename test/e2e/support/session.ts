// What every e2e file needs: the app on a temp profile, Chromium at 1366×768, a direct line to the
// backend for setting up data, and a patient poll for a busy CI machine.
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app.js';
import { launchBrowser, newPage } from './browser.js';

/** Gives each UI step up to 10 s (vitest polls for 1 s by default). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

export interface Session {
  app: RunningApp;
  browser: Browser;
  page: Page;
  api<T>(name: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const app = await startApp();
  const browser = await launchBrowser();
  const page = await newPage(browser);
  return {
    app,
    browser,
    page,
    api: async <T>(name: string, input: unknown) => {
      const r = await app.backend.call(name, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.data as T;
    },
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/** 陕西省公司 → 西安分公司 → 临潼区分公司, the county most e2e stories happen in. */
export async function lintongCounty(api: Session['api']) {
  const hq = await api<{ id: string }>('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await api<{ id: string }>('orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: hq.id });
  const county = await api<{ id: string; path: string }>('orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  return { hq, city, county };
}
