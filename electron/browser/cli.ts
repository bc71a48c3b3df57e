// `npm run serve`: browser mode on 127.0.0.1 for the profile given by --profile (or RC_PROFILE).
// The renderer is built first only when it is missing or older than its sources (rendererBuild.ts);
// what the person at the terminal needs — the address, and how to stop — is said in both languages.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureRendererBuilt, RENDERER_OUT, RendererBuildError } from './rendererBuild.js';
import { profileGate } from './gate.js';
import { startBrowserServer } from './server.js';

function fail(lines: string): never {
  console.error(lines);
  process.exit(1);
}

const { values } = parseArgs({
  options: { profile: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' } },
});
// npm runs scripts in the project's folder: the sources and dist/ are found from there.
const root = process.cwd();
let staticDir: string;
if (values.static) {
  staticDir = resolve(values.static);
  if (!existsSync(join(staticDir, 'index.html')))
    fail(`${staticDir} 中没有 index.html，无法提供网页界面。\nThere is no index.html in ${staticDir}: nothing to serve.`);
} else {
  try {
    ensureRendererBuilt(root);
  } catch (e) {
    if (e instanceof RendererBuildError) fail(e.message);
    throw e;
  }
  staticDir = join(root, RENDERER_OUT);
}
const port = values.port ? Number(values.port) : 5178;
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port 应为 0–65535 的整数。 --port must be a whole number from 0 to 65535.`);

const profileDir = resolve(values.profile ?? process.env.RC_PROFILE ?? join(homedir(), '.red-channel', 'profiles', 'default'));
// The store stays closed (and encrypted) until someone signs in with the profile's passphrase.
const gate = profileGate(profileDir);
let srv: Awaited<ReturnType<typeof startBrowserServer>>;
try {
  srv = await startBrowserServer(gate, { port, staticDir });
} catch (e) {
  await gate.close();
  // The usual cause on a shared PC: another copy of browser mode is already running.
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
    fail(`端口 ${port} 已被占用（可能已有一个浏览器模式在运行），可用 --port 换一个端口。\nPort ${port} is already in use (browser mode may already be running); choose another with --port.`);
  throw e;
}
console.log(`红色渠道浏览器模式已启动，请在浏览器中打开：${srv.url}  （数据目录 ${profileDir}）`);
console.log(`Red Channel browser mode is running; open ${srv.url} in a browser  (profile ${profileDir})`);
console.log(gate.hasKey() ? '请在网页中输入本机数据的口令登录。 Sign in on the page with this profile\'s passphrase.' : '首次使用：请在网页中设置本机数据的口令。 First use: set a passphrase for this profile on the page.');
console.log('按 Ctrl+C 停止。 Press Ctrl+C to stop.');
let stopping = false;
const stop = async () => {
  if (stopping) return; // a second Ctrl+C while closing
  stopping = true;
  await srv.close();
  await gate.close();
  console.log('已停止。 Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
