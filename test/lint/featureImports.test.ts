// renderer/features/<feature>/ meet only through each other's index.ts; shared pieces live in
// renderer/components/, which imports no feature. Enforced by lint (eslint.config.js), tested here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const RULE = 'renderer/feature-imports';

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const importing = (spec: string) => `import { X } from '${spec}';\nexport const x = X;\n`;

describe('feature imports', () => {
  it('refuses a feature reaching inside another feature', async () => {
    expect(await ruleIds('renderer/features/orglife/due/SettleForm.tsx', importing('../../people/PersonForm'))).toContain(RULE);
  });
  it('refuses it from a feature’s top folder too', async () => {
    expect(await ruleIds('renderer/features/dashboard/DashboardPage.tsx', importing('../orglife/due/DueList'))).toContain(RULE);
  });
  it('refuses re-exporting another feature’s inner file', async () => {
    expect(await ruleIds('renderer/features/sync/index.ts', "export { PeoplePage } from '../people/PeoplePage';\n")).toContain(RULE);
  });
  it('refuses app/ reaching inside a feature', async () => {
    expect(await ruleIds('renderer/app/pages.tsx', importing('../features/people/PeoplePage'))).toContain(RULE);
  });
  it('refuses components/ importing a feature, even through its index', async () => {
    expect(await ruleIds('renderer/components/LightDot.tsx', importing('../features/orglife'))).toContain(RULE);
  });
  it('refuses components/ reaching inside a feature', async () => {
    expect(await ruleIds('renderer/components/LightDot.tsx', importing('../features/orglife/activities/labels'))).toContain(RULE);
  });
  it('refuses a feature importing its own index (a cycle)', async () => {
    expect(await ruleIds('renderer/features/people/coverage/CoveragePanel.tsx', importing('..'))).toContain(RULE);
  });
  it('lets features and app/ import a feature through its index, and a feature its own files', async () => {
    expect(await ruleIds('renderer/features/orglife/due/SettleForm.tsx', importing('../../people'))).toEqual([]);
    expect(await ruleIds('renderer/features/dashboard/DashboardPage.tsx', importing('../orglife/index'))).toEqual([]);
    expect(await ruleIds('renderer/app/pages.tsx', importing('../features/people/index.ts'))).toEqual([]);
    expect(await ruleIds('renderer/features/people/coverage/CoveragePanel.tsx', importing('../PeopleDrawer'))).toEqual([]);
  });
});
