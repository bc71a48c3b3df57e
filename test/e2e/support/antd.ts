// Small helpers for driving antd controls the way a user does: click, type, pick — and look at the
// result before going on, as a user does. A pick can miss: antd's list is positioned in the page
// (the app's page is 16 px taller than the window, so it can scroll under an open dialog), it is
// re-aligned a frame later, and a remote search replaces its options as they arrive; a click made in
// that instant ends on another element and chooses nothing (or another option). The user sees the
// field still empty and picks again; so do these helpers, until the field shows the option.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

const OPEN_LIST = '.ant-select-dropdown:visible, .ant-tree-select-dropdown:visible';
const PICK_TIMEOUT_MS = 30_000;

/** What a single select shows as chosen: antd puts the chosen option's label in the title of the box around its input. */
async function chosen(input: Locator): Promise<string | null> {
  return input.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select-content ")][1]').getAttribute('title', { timeout: 5_000 });
}

async function shows(input: Locator, want: (title: string) => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    const title = await chosen(input).catch(() => null);
    if (title !== null && want(title)) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens the select whose combobox is `input`, optionally types `search` into it, clicks the option
 * `option(list)` finds in the open list, and checks the select then shows `want`; repeats until it does.
 */
export async function chooseIn(
  page: Page,
  input: Locator,
  o: { option: (list: Locator) => Locator; want: (title: string) => boolean; search?: string; what: string; confirm?: 'click' | 'enter' },
): Promise<void> {
  const until = Date.now() + PICK_TIMEOUT_MS;
  let lastError = '';
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click({ timeout: 5_000 });
      if (o.search !== undefined && (await input.inputValue()) !== o.search) await input.fill(o.search, { timeout: 5_000 });
      const option = o.option(page.locator(OPEN_LIST).last()).first();
      if (o.confirm === 'enter') {
        // Enter takes the highlighted option, the first that matches what was typed.
        await option.waitFor({ timeout: 5_000 });
        await input.press('Enter');
      } else await option.click({ timeout: 5_000 });
    } catch (e) {
      lastError = (e as Error).message.split('\n')[0]!; // the list closed or changed before the click: look again
    }
    if (await shows(input, o.want, 2_000)) return;
    if (Date.now() >= until) {
      const title = await chosen(input).catch(() => null);
      throw new Error(`${o.what}: after ${attempt} attempts the select shows ${JSON.stringify(title)}${lastError ? ` (last error: ${lastError})` : ''}`);
    }
  }
}

/** Opens the select labelled `label` inside `scope` and picks the option whose text is `option`. */
export async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await chooseIn(page, scope.getByLabel(label, { exact: true }), {
    option: (list) => list.locator(`.ant-select-item-option[title="${option}"], .ant-select-tree-title:text-is("${option}")`),
    want: (title) => title === option,
    what: `pick “${option}” in ${label}`,
  });
}

/** Types into a searchable select and picks the first option that contains `text`. */
export async function searchPick(page: Page, scope: Locator, label: string, text: string): Promise<void> {
  await searchPickIn(page, scope.getByLabel(label, { exact: true }), text);
}

/** searchPick for a select found by its combobox input (e.g. `#census-outlet`); types `search` (default: `text`). */
export async function searchPickIn(page: Page, input: Locator, text: string, search = text): Promise<void> {
  await chooseIn(page, input, {
    search,
    option: (list) => list.locator('.ant-select-item-option', { hasText: text }),
    want: (title) => title.includes(text),
    what: `search “${search}” and pick “${text}”`,
  });
}

/**
 * Types a date into a DatePicker and leaves the field with Tab, which takes the typed date; the
 * picker must then show it. (Not Enter: in a form that saves on Enter, Enter in a date field may
 * confirm the date or save the whole form, depending on whether its calendar is open at that instant.)
 */
export async function typeDate(scope: Locator, label: string, iso: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(iso);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(iso);
}

/**
 * Clicks 保存 in a dialog and waits until the dialog has closed, as the user does. If it stays open,
 * the error says what it shows (a field's error, a message) rather than only "still visible".
 */
export async function saveDialog(page: Page, dialog: Locator, timeoutMs = 20_000): Promise<void> {
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const until = Date.now() + timeoutMs;
  while (await dialog.isVisible()) {
    if (Date.now() >= until) {
      const errors = await dialog.locator('.ant-form-item-explain-error').allTextContents();
      const messages = await page.locator('.ant-message-notice').allTextContents();
      throw new Error(`the dialog did not close after 保存 within ${timeoutMs} ms; field errors: ${JSON.stringify(errors)}; messages: ${JSON.stringify(messages)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Clicks a button in a popup (a Popconfirm's 确定 …) until `done` says it took effect. Popups sit in
 * the page, not in the window, so they can move under the pointer like a select's list (see above);
 * a click that missed leaves the popup open, and the user clicks again.
 */
export async function clickInPopup(button: Locator, done: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return;
    if (Date.now() >= until) throw new Error(`${what}: no effect after ${timeoutMs} ms`);
    // Click again only where the last click plainly missed: the popup is still open, not closing, not busy.
    const waiting = await button
      .evaluate((b) => !b.classList.contains('ant-btn-loading') && !b.closest('[class*="-leave"], .ant-popover-hidden, .ant-popconfirm-hidden, .ant-dropdown-hidden'), undefined, { timeout: 1_000 })
      .catch(() => false);
    if (waiting && (await button.isVisible())) await button.click({ timeout: 5_000 }).catch(() => {});
    const settle = Date.now() + 2_000;
    while (Date.now() < settle && !(await done())) await new Promise((r) => setTimeout(r, 100));
  }
}
