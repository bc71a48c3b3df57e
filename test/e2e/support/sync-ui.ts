// The 同步 screen, driven as a user does.
import { expect } from 'vitest';
import type { Page, Request } from 'playwright-core';

const isSyncNow = (url: string) => new URL(url).pathname.endsWith('/api/sync.now');

/**
 * Clicks 立即同步 and waits for that sync to end, as the user does.
 *
 * The button is never disabled: while a sync runs — the screen's own, or the background one, which
 * the status (polled every 3 s) reports as 同步中 — it shows a spinner, and antd ignores a click on a
 * loading button. So: wait until it is not spinning, click, and make sure the click started a sync
 * (the screen asked for sync.now); if it did not (the background sync began just then), wait and
 * click again. Then wait for that sync's answer and for the spinner to stop.
 */
export async function syncNow(p: Page, timeoutMs = 60_000): Promise<void> {
  const button = p.getByRole('button', { name: /立即同步/ });
  const spinning = async () => ((await button.getAttribute('class')) ?? '').includes('ant-btn-loading');
  const until = Date.now() + timeoutMs;
  const left = () => Math.max(1, until - Date.now());
  let asked = false;
  const onRequest = (r: Request) => {
    if (isSyncNow(r.url())) asked = true;
  };
  const answered = p.waitForResponse((r) => isSyncNow(r.url()), { timeout: timeoutMs });
  void answered.catch(() => {}); // awaited below; never an unhandled rejection if a click fails first
  p.on('request', onRequest);
  try {
    for (;;) {
      await expect.poll(spinning, { timeout: left(), interval: 100 }).toBe(false);
      if (asked) break;
      await button.click({ timeout: left() });
      const settle = Math.min(until, Date.now() + 3_000);
      while (!asked && Date.now() < settle) await new Promise((r) => setTimeout(r, 50));
      if (asked) break;
      if (Date.now() >= until) throw new Error(`立即同步 started no sync within ${timeoutMs} ms`);
    }
    await answered;
  } finally {
    p.off('request', onRequest);
  }
  await expect.poll(spinning, { timeout: left(), interval: 100 }).toBe(false);
}
