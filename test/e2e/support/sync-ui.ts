// The 同步 screen, driven as a user does.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Clicks 立即同步 and waits for that sync to end, as the user does: the screen has its answer and the
 * button has stopped spinning. (The button shows a spinner, it is never disabled: waiting for it
 * to be enabled passes at once, before the sync has even started.)
 */
export async function syncNow(p: Page, timeoutMs = 30_000): Promise<void> {
  const button = p.getByRole('button', { name: /立即同步/ });
  const answered = p.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/api/sync.now'), { timeout: timeoutMs });
  void answered.catch(() => {}); // awaited below; never an unhandled rejection if the click fails first
  await button.click();
  await answered;
  await expect.poll(async () => (await button.getAttribute('class')) ?? '', { timeout: timeoutMs }).not.toContain('ant-btn-loading');
}
