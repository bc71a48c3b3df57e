// npm run hq -- quiz-<command> … (hq/cli.ts hands every quiz-* command here)
//   quiz-template <file.xlsx>                     the bank template, with HQ's categories
//   quiz-import <file.xlsx> [--dry-run]           preview: every bad row's problem; import all or nothing
//   quiz-retire --id QUESTION_ID                  stops a question being asked (its attempts stay)
//   quiz-reports                                  questions players reported as wrong
//   quiz-reward --name 流量包1G [--name-en '1 GB data'] --price 20 --stock 50 [--id ID] [--inactive]
//   quiz-redemptions [--status requested]         redemption requests
//   quiz-decide --id ID --approve | --refuse [--reason 文字]   (--all --approve: every pending one, earliest first)
// Options --db / --pg as for the other commands.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { todayInBeijing } from '../../shared/core/dates.js';
import { HqError } from '../errors.js';
import { openHqStore, type HqStore } from '../store.js';
import { hqCategories, importBank, listReports, previewBank, retireQuestion } from './bank.js';
import { decideRedemption, listRedemptions, putReward, settlePending } from './redeem.js';
import { bankTemplate } from './xlsx.js';

async function run(store: HqStore, command: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      db: { type: 'string' }, pg: { type: 'string' }, 'dry-run': { type: 'boolean' }, id: { type: 'string' }, name: { type: 'string' }, 'name-en': { type: 'string' },
      price: { type: 'string' }, stock: { type: 'string' }, inactive: { type: 'boolean' }, status: { type: 'string' }, approve: { type: 'boolean' }, refuse: { type: 'boolean' },
      reason: { type: 'string' }, all: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  switch (command) {
    case 'quiz-template':
      if (!file) throw new HqError(2, 'usage', '请给出模板文件名', 'Give the template file name');
      writeFileSync(file, await bankTemplate(await hqCategories(store)));
      console.log(`题库模板已写入 / template written: ${file}`);
      return 0;
    case 'quiz-import': {
      if (!file) throw new HqError(2, 'usage', '请给出题库文件', 'Give the bank file');
      const buf = readFileSync(file);
      if (values['dry-run']) {
        const p = await previewBank(store, buf);
        for (const i of p.issues) console.log(`${i.zh}\n  ${i.en}`);
        console.log(`${p.questions.length} 道题可导入，${p.issues.length} 处错误 / ${p.questions.length} importable, ${p.issues.length} problems`);
        return p.issues.length ? 1 : 0;
      }
      const r = await importBank(store, buf);
      console.log(`已导入 ${r.imported} 道题（批次 ${r.batch}），设备下次同步时收到 / imported ${r.imported} questions`);
      return 0;
    }
    case 'quiz-retire':
      if (!values.id) throw new HqError(2, 'usage', '需要 --id', '--id is required');
      await retireQuestion(store, values.id, todayInBeijing());
      console.log(`已停用 / retired ${values.id}`);
      return 0;
    case 'quiz-reports':
      console.table(await listReports(store));
      return 0;
    case 'quiz-reward': {
      const id = await putReward(store, {
        ...(values.id ? { id: values.id } : {}), name: values.name ?? '', nameEn: values['name-en'] ?? '', price: Number(values.price), stock: Number(values.stock), active: !values.inactive,
      });
      console.log(`奖品已保存 / reward saved: ${id}`);
      return 0;
    }
    case 'quiz-redemptions':
      console.table(await listRedemptions(store, values.status));
      return 0;
    case 'quiz-decide': {
      if (values.approve === values.refuse) throw new HqError(2, 'usage', '请给出 --approve 或 --refuse 之一', 'Give one of --approve or --refuse');
      if (values.all && values.approve) {
        for (const r of await settlePending(store, '总部')) console.log(`${r.id}: ${r.decision.status}${r.decision.reason ? `（${r.decision.reason}）` : ''}`);
        return 0;
      }
      if (!values.id) throw new HqError(2, 'usage', '需要 --id', '--id is required');
      const d = await decideRedemption(store, values.id, !!values.approve, '总部', values.reason);
      console.log(`${values.id}: ${d.status}${d.reason ? `（${d.reason}）` : ''}`);
      return 0;
    }
    default:
      throw new HqError(2, 'usage', `未知命令 ${command}（见 hq/quiz/cli.ts）`, `Unknown command ${command} (see hq/quiz/cli.ts)`);
  }
}

/** Runs one quiz command; the exit code (problems are printed in Chinese and English). */
export async function quizCli(command: string, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, allowPositionals: true, strict: false, options: { db: { type: 'string' }, pg: { type: 'string' } } });
  const target = String(values.pg ?? values.db ?? process.env.RC_HQ_DB ?? 'hq.sqlite');
  const store = await openHqStore(target);
  try {
    return await run(store, command, args);
  } catch (e) {
    if (!(e instanceof HqError)) throw e;
    console.error(`${e.zh}\n${e.en}`);
    return e.status === 2 ? 2 : 1;
  } finally {
    await store.close();
  }
}
