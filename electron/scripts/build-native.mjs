// Builds better-sqlite3-multiple-ciphers (the encrypted store's SQLite, db/open.ts) against Electron's headers into .electron-native/, leaving the Node build
// in node_modules untouched so `npm test` and `npm start` work in the same checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();
const out = join(root, '.electron-native');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const bsqDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const bsqVersion = JSON.parse(readFileSync(join(bsqDir, 'package.json'), 'utf8')).version;
const stamp = join(out, `built-${electronVersion}-mc-${bsqVersion}`);
if (existsSync(stamp)) process.exit(0);

console.log(`Building better-sqlite3-multiple-ciphers ${bsqVersion} for Electron ${electronVersion} …`);
const work = join(out, 'src');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(bsqDir, work, { recursive: true, filter: (p) => !p.startsWith(join(bsqDir, "build")) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
execFileSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], {
  cwd: work,
  stdio: 'inherit',
  env: { ...process.env, npm_config_nodedir: '' },
});
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
cpSync(join(out, 'better_sqlite3.node'), stamp);
