// The house rules of ARCHITECTURE.md are enforced by lint, not by good intentions.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('import rules', () => {
  it('refuses renderer/ importing db/', async () => {
    expect(await ruleIds('renderer/features/x.tsx', "import { openStore } from '../../db/open.js';\nexport const x = openStore;\n")).toContain('no-restricted-imports');
  });
  it('refuses shared/ importing node built-ins', async () => {
    expect(await ruleIds('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
  });
  it('refuses db/ importing electron', async () => {
    expect(await ruleIds('db/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
  });
  it('refuses hq/ importing db/', async () => {
    expect(await ruleIds('hq/x.ts', "import { openStore } from '../db/open.js';\nexport const x = openStore;\n")).toContain('no-restricted-imports');
  });
  it('lets the renderer import shared/', async () => {
    expect(await ruleIds('renderer/features/x.tsx', "import { CHANNEL_TYPES } from '../../shared/domain/enums.js';\nexport const x = CHANNEL_TYPES;\n")).toEqual([]);
  });
});
