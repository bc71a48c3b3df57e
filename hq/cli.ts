// npm run hq -- <command> [options]
//   serve       --port 8080 [--host 127.0.0.1] [--db hq.sqlite | --pg postgres://user:pw@host/db]
//   enrol-code  --user 王五 --role instructor --scope /hq/xa/xa-lintong/ [--days 7] [--person PERSON_ID]  (the registry person the user is: a branch secretary sees that branch's dues amounts)
//   revoke      --device DEVICE_ID
//   devices
//   purge       [--older-than-days 30] [--dry-run]   (serve also purges hourly, with its own --older-than-days)
//   setting     --key quorum.general --value '0.5' [--scope /]
//   relay       --in 同步包.rcsync [--out 回执.rcreply]   (relay by file: answers a device's bundle; hq/relay/file.ts)
//   stamps-apart  (once every HQ process on this database runs this version: rows are written, and the old ones rewritten, with their stamps apart; hq/stampsApart.ts)
//   repage      (every HQ process on the file stopped: rewrites an HQ SQLite file made with 4 KiB pages into 16 KiB ones, which pushes write faster; hq/repage.ts)
//   console-admin --user NAME [--name 显示名] [--role county_organiser --scope /hq/xa/xa-lintong/]  (password on stdin; hq/console/command.ts)
// The database defaults to $RC_HQ_DB or ./hq.sqlite; a postgres:// URL in --pg (or $RC_HQ_DB) uses PostgreSQL.
import { parseArgs } from 'node:util';
import type { Role } from '../shared/domain/enums.js';
import { ROLE_VALUES } from '../shared/sync/protocol.js';
import { SCOPE_RE } from '../shared/sync/tables.js';
import { listDevices, putSetting } from './admin.js';
import { createEnrolCode, revokeDevice } from './auth.js';
import { HqError } from './errors.js';
import { DAY_MS, PURGE_DEFAULTS, purgeTombstones, schedulePurge } from './purge.js';
import { scheduleTotals } from './console/totalsWarm.js';
import { printPurge } from './purgeReport.js';
import { consoleAdminCommand } from './console/command.js';
import { relayFile } from './relay/file.js';
import { startHq } from './server.js';
import { allowStampsApart, rewriteOldRows } from './stampsApart.js';
import { openHqStore } from './store.js';

const [command, ...rest] = process.argv.slice(2);
if (command?.startsWith('quiz-')) process.exit(await (await import('./quiz/cli.js')).quizCli(command, rest));
if (command === 'repage') process.exit((await import('./repage.js')).repageCli(rest)); // before this process opens the file itself
if (command?.startsWith('history-')) process.exit(await (await import('./history/cli.js')).historyCli(command, rest));
const { values } = parseArgs({
  args: rest,
  options: {
    port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, pg: { type: 'string' },
    user: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' }, days: { type: 'string' },
    device: { type: 'string' }, key: { type: 'string' }, value: { type: 'string' }, log: { type: 'boolean' },
    'older-than-days': { type: 'string' }, 'dry-run': { type: 'boolean' },
    in: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, person: { type: 'string' },
  },
});

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

const target = values.pg ?? values.db ?? process.env.RC_HQ_DB ?? 'hq.sqlite';
const store = await openHqStore(target);
const shown = target.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
// Whichever command opened it first brought the schema up to date: say so, once, where an operator looks.
if (store.migrated.length) console.error(`[hq] ${shown}: schema migrated (${store.migrated.join(', ')})`);

function minAgeMs(): number {
  const days = Number(values['older-than-days'] ?? PURGE_DEFAULTS.minAgeMs / DAY_MS);
  if (!Number.isFinite(days) || days < 0) fail('--older-than-days must be a number of days (0 or more)');
  return days * DAY_MS;
}

switch (command) {
  case 'serve': {
    const srv = await startHq({ store, port: Number(values.port ?? 8080), host: values.host ?? '127.0.0.1', logger: !!values.log });
    console.log(`红色渠道 HQ listening on ${srv.url} (${store.dialect}: ${shown})`);
    const stopPurge = schedulePurge(store, { minAgeMs: minAgeMs() });
    const stopTotals = scheduleTotals(store);
    const stop = async () => {
      await srv.close();
      await stopPurge();
      await stopTotals();
      await store.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    break;
  }
  case 'enrol-code': {
    const role = values.role as Role;
    if (!values.user) fail('--user is required');
    if (!ROLE_VALUES.includes(role)) fail(`--role must be one of ${ROLE_VALUES.join(', ')}`);
    if (!values.scope || !SCOPE_RE.test(values.scope)) fail('--scope must be an org-unit path such as /hq/xa/xa-lintong/');
    const code = await createEnrolCode(store, { userName: values.user, role, scopePath: values.scope, ttlDays: Number(values.days ?? 7), personId: values.person ?? null }).catch(async (e: unknown) => {
      if (!(e instanceof HqError)) throw e;
      await store.close();
      fail(`${e.zh}\n${e.en}`);
    });
    console.log(`注册码 / enrolment code: ${code}  (${values.user}, ${role}, ${values.scope}${values.person ? `, person ${values.person}` : ''}; one use, ${values.days ?? 7} days)`);
    await store.close();
    break;
  }
  case 'revoke': {
    if (!values.device) fail('--device is required');
    const done = await revokeDevice(store, values.device);
    console.log(done ? `revoked ${values.device}: it will be told to wipe its store` : `no active device ${values.device}`);
    await store.close();
    break;
  }
  case 'devices': {
    console.table(await listDevices(store));
    await store.close();
    break;
  }
  case 'purge': {
    printPurge(await purgeTombstones(store, { minAgeMs: minAgeMs(), dryRun: !!values['dry-run'] }), minAgeMs());
    await store.close();
    break;
  }
  case 'relay': {
    if (!values.in) fail('--in <bundle file> is required');
    try {
      const r = await relayFile(store, values.in, values.out);
      for (const line of r.lines) console.log(line);
      process.exitCode = r.revoked ? 3 : 0;
    } catch (e) {
      if (!(e instanceof HqError)) throw e;
      console.error(`${e.zh}\n${e.en}`);
      process.exitCode = 2;
    } finally {
      await store.close();
    }
    break;
  }
  case 'setting': {
    if (!values.key || values.value === undefined) fail('--key and --value (JSON) are required');
    let v: unknown;
    try {
      v = JSON.parse(values.value);
    } catch {
      fail('--value must be JSON, e.g. 0.5 or \'"text"\' or \'{"a":1}\'');
    }
    await putSetting(store, values.key, v, values.scope ?? '/');
    console.log(`setting ${values.key} = ${values.value} for ${values.scope ?? '/'}`);
    await store.close();
    break;
  }
  case 'stamps-apart': {
    const now = await allowStampsApart(store.db);
    console.log(now
      ? '已启用：此后写入的记录将时间戳另存。请确认连接此数据库的所有总部进程均已升级到本版本。\nRows are now written with their stamps apart; every HQ process on this database must run this version.'
      : '此数据库早已启用时间戳另存。\nThis database already writes rows with their stamps apart.');
    const rewritten = await rewriteOldRows(store.db, (n) => console.log(`已改写 ${n} 行… / ${n} rows rewritten…`));
    console.log(`旧格式的记录已全部改写（${rewritten} 行，内容与版本不变）。\nEvery row in the old form rewritten (${rewritten} rows; values and versions unchanged).`);
    await store.close();
    break;
  }
  case 'console-admin': {
    process.exitCode = await consoleAdminCommand(store, values);
    await store.close();
    break;
  }
  default:
    await store.close();
    fail('usage: npm run hq -- serve|enrol-code|revoke|devices|purge|setting|relay|stamps-apart|console-admin [options]  (see hq/cli.ts)');
}
