// The HQ commands of record history: `history-verify` walks the hash chain and names the first
// entry that does not fit (exit code 1); `history-export --scope /hq/xa/ --from 2026-12-01
// --to 2026-12-31 --out h.xlsx [--full]` writes one organisation's history for a period.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SCOPE_RE } from '../../shared/sync/tables.js';
import { openHqStore, type HqStore } from '../store.js';
import { exportHistory } from './export.js';
import { verifyChain } from './verify.js';

export interface HistoryArgs {
  scope?: string;
  from?: string;
  to?: string;
  out?: string;
  full?: boolean;
}

/** Runs one history command; returns the process exit code. */
export async function historyCommand(command: string, store: HqStore, a: HistoryArgs, print: (s: string) => void = console.log, warn: (s: string) => void = console.error): Promise<number> {
  if (command === 'history-verify') {
    const { checked, broken } = await verifyChain(store);
    if (!broken) {
      print(`修改记录哈希链完整：共 ${checked} 条 · history chain intact: ${checked} entries`);
      return 0;
    }
    warn(`修改记录哈希链断裂 · history chain broken at entry ${broken.seq} (${broken.reason})\n${broken.zh}\n${broken.en}`);
    return 1;
  }
  if (!a.scope || !SCOPE_RE.test(a.scope) || !a.from || !a.to || !a.out) {
    warn('用法 usage: history-export --scope /hq/xa/ --from YYYY-MM-DD --to YYYY-MM-DD --out file.xlsx [--full]');
    return 2;
  }
  try {
    const { buffer, rows } = await exportHistory(store, { scope: a.scope, from: a.from, to: a.to, full: a.full });
    writeFileSync(a.out, buffer, { mode: 0o600 });
    print(`已导出 ${rows} 条修改记录到 ${a.out} · exported ${rows} history entries`);
    return 0;
  } catch (e) {
    warn(`导出失败 · export failed: ${(e as Error).message}`);
    return 2;
  }
}

/** `npm run hq -- history-*`: opens HQ's database (--db/--pg/RC_HQ_DB, as the other commands) and runs the command. */
export async function historyCli(command: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, pg: { type: 'string' }, scope: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } },
  });
  if (command !== 'history-verify' && command !== 'history-export') {
    console.error('用法 usage: npm run hq -- history-verify | history-export [options]');
    return 2;
  }
  const store = await openHqStore(values.pg ?? values.db ?? process.env.RC_HQ_DB ?? 'hq.sqlite');
  try {
    return await historyCommand(command, store, values);
  } finally {
    await store.close();
  }
}
