// Child processes for the multi-process and crash tests: TypeScript run through tsx's loader.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Child {
  proc: ChildProcess;
  output(): string;
  /** Resolves with the first stdout line matching `re` (or rejects when the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnTs(script: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** An HQ server process (`hq/cli.ts serve`) on the given database. */
export async function spawnHq(dbArgs: string[], port?: number): Promise<{ child: Child; url: string; port: number }> {
  const p = port ?? (await freePort());
  const child = spawnTs('hq/cli.ts', ['serve', '--port', String(p), ...dbArgs]);
  await child.waitFor(/HQ listening on/);
  return { child, url: `http://127.0.0.1:${p}`, port: p };
}
