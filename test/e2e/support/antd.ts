// Small helpers for driving antd controls the way a user does: click, type, pick.
import type { Locator, Page } from 'playwright-core';

/** Opens the select labelled `label` inside `scope` and picks the option whose text is `option`. */
export async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  const popup = page.locator('.ant-select-dropdown:visible, .ant-tree-select-dropdown:visible').last();
  const item = popup.locator(`.ant-select-item-option[title="${option}"], .ant-select-tree-title:text-is("${option}")`).first();
  await item.click();
}

/** Types into a searchable select and picks the first option that contains `text`. */
export async function searchPick(page: Page, scope: Locator, label: string, text: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  const popup = page.locator('.ant-select-dropdown:visible').last();
  await popup.locator('.ant-select-item-option', { hasText: text }).first().click();
}

export async function typeDate(scope: Locator, label: string, iso: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}
