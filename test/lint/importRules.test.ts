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
  it('lets shared/node/ use Node built-ins, for db/ and hq/ to share', async () => {
    expect(await ruleIds('shared/node/x.ts', "import { randomBytes } from 'node:crypto';\nexport const x = randomBytes;\n")).toEqual([]);
    expect(await ruleIds('db/sync/relay/x.ts', "import { nodeRelayCrypto } from '../../../shared/node/relayCrypto.js';\nexport const x = nodeRelayCrypto;\n")).toEqual([]);
    expect(await ruleIds('hq/relay/x.ts', "import { nodeRelayCrypto } from '../../shared/node/relayCrypto.js';\nexport const x = nodeRelayCrypto;\n")).toEqual([]);
  });
  it('refuses shared/node/ importing another layer', async () => {
    for (const spec of ['../../db/open.js', '../../hq/store.js', '../../electron/main.js', '../../renderer/api/client.js', 'electron'])
      expect(await ruleIds('shared/node/x.ts', `import * as m from '${spec}';\nexport const x = m;\n`), spec).toContain('no-restricted-imports');
  });
  it('refuses shared/node/ to the rest of shared/ and to the renderer', async () => {
    const use = (spec: string) => `import { nodeRelayCrypto } from '${spec}';\nexport const x = nodeRelayCrypto;\n`;
    expect(await ruleIds('shared/sync/x.ts', use('../node/relayCrypto.js'))).toContain('no-restricted-imports');
    expect(await ruleIds('shared/x.ts', use('./node/relayCrypto.js'))).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/features/sync/x.tsx', use('../../../shared/node/relayCrypto.js'))).toContain('no-restricted-imports');
  });
  it('lets the renderer import shared/', async () => {
    expect(await ruleIds('renderer/features/x.tsx', "import { CHANNEL_TYPES } from '../../shared/domain/enums.js';\nexport const x = CHANNEL_TYPES;\n")).toEqual([]);
  });
});
