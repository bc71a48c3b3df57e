// `npm run hq -- console-admin --user NAME [--name 显示名] [--role county_organiser --scope /hq/xa/xa-lintong/]`:
// creates a console account (the first administrator has no console to be created in). The password
// is read from standard input (or $RC_CONSOLE_PASSWORD), never from the command line, where it
// would stay in the shell's history and the process list.
import { HqError } from '../errors.js';
import type { HqStore } from '../store.js';
import { createUser } from './accounts.js';
import type { ConsoleRole } from './schema.js';

async function readPassword(): Promise<string> {
  if (process.env.RC_CONSOLE_PASSWORD) return process.env.RC_CONSOLE_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('密码 / password (至少 12 个字符; 输入后回车): ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
}

export async function consoleAdminCommand(store: HqStore, v: { user?: string; name?: string; role?: string; scope?: string }): Promise<number> {
  const role = (v.role ?? 'hq_admin') as ConsoleRole;
  if (!v.user) return fail('--user is required');
  if (role !== 'hq_admin' && role !== 'county_organiser') return fail('--role must be hq_admin or county_organiser');
  const scopePath = role === 'hq_admin' ? '/' : v.scope;
  if (!scopePath) return fail('--scope is required for a county organiser (e.g. /hq/xa/xa-lintong/)');
  try {
    await createUser(store.db, { userName: v.user, displayName: v.name ?? v.user, role, scopePath, password: await readPassword() }, null);
  } catch (e) {
    if (e instanceof HqError) return fail(`${e.zh}\n${e.en}`);
    throw e;
  }
  console.log(`控制台账号已创建 / console account created: ${v.user} (${role}, ${scopePath}) — sign in at <HQ address>/console/`);
  return 0;
}

function fail(msg: string): number {
  console.error(msg);
  return 2;
}
