// Starts the real backend on a temp profile and serves the built renderer in browser mode.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startBackend, type Backend } from '../../../db/backend.js';
import { profileGate } from '../../../electron/browser/gate.js';
import { startBrowserServer, type BrowserServer } from '../../../electron/browser/server.js';

/** The renderer build to serve (RC_RENDERER_DIST: a run's own build folder, so runs side by side never share one). */
export const RENDERER_DIST = resolve(process.env.RC_RENDERER_DIST ?? 'dist/renderer');

/** The passphrase of every e2e profile: pages sign in with it (browser.ts) before their first visit. */
export const E2E_PASSPHRASE = 'e2e-口令-passphrase';

/** How tests open an e2e profile themselves between two runs of the app (it is encrypted). */
export const E2E_UNLOCK = { unlock: { kind: 'passphrase', passphrase: E2E_PASSPHRASE } } as const;

/** Origins of the apps this process runs, so a page knows whom to sign in to. */
export const runningOrigins = new Set<string>();

export interface RunningApp {
  dir: string;
  backend: Backend;
  server: BrowserServer;
  url: string;
  stop(opts?: { keep?: boolean }): Promise<void>;
}

/** Every file of a folder with its size and modification time, to tell whether it changed. */
function listing(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    const st = statSync(path);
    out.set(relative(dir, path), `${st.size}:${st.mtimeMs}`);
  }
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Whether index.html and every asset it names are there. */
function whole(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return refs.length > 0 && refs.every((r) => existsSync(join(dir, r)) && statSync(join(dir, r)).size > 0);
}

const SNAPSHOT_PREFIX = 'rc-e2e-renderer-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Test workers are often stopped rather than exiting: remove the copies of processes that are gone. */
function sweepSnapshots(): void {
  for (const d of readdirSync(tmpdir())) {
    const pid = d.startsWith(SNAPSHOT_PREFIX) ? Number(d.slice(SNAPSHOT_PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) rmSync(join(tmpdir(), d), { recursive: true, force: true });
  }
}

const MISSING = 'dist/renderer is missing: run `npm run build:renderer` before the e2e tests (npm test does it).';
let snapshot: Promise<string> | undefined;

/**
 * This test file's own copy of the renderer build. dist/renderer is shared by everything on the
 * machine: another `npm test` (or a developer's build) empties and rewrites it, and pages served from
 * it meanwhile would fail to load. The copy is taken when the build is whole and did not change while
 * it was copied; it is removed when the process ends, or by the next run if the process was stopped.
 */
function rendererSnapshot(): Promise<string> {
  snapshot ??= (async () => {
    sweepSnapshots();
    const until = Date.now() + 60_000;
    for (;;) {
      if (!existsSync(RENDERER_DIST)) throw new Error(`${MISSING}`);
      const dir = mkdtempSync(join(tmpdir(), `${SNAPSHOT_PREFIX}${process.pid}-`));
      try {
        const before = listing(RENDERER_DIST);
        cpSync(RENDERER_DIST, dir, { recursive: true });
        if (whole(dir) && same(before, listing(RENDERER_DIST))) {
          process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
          return dir;
        }
      } catch {
        // the build is being rewritten right now: try again in a moment
      }
      rmSync(dir, { recursive: true, force: true });
      if (Date.now() >= until) throw new Error(`${MISSING} (it stayed incomplete for a minute)`);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return snapshot;
}

export async function startApp(dir = mkdtempSync(join(tmpdir(), 'rc-e2e-'))): Promise<RunningApp> {
  const staticDir = await rendererSnapshot();
  // Opened (and on a new profile, encrypted) with the passphrase here, so tests can set up data
  // through the backend before the page signs in with the same passphrase.
  const backend = await startBackend(dir, E2E_UNLOCK);
  const server = await startBrowserServer(profileGate(dir, { backend }), { staticDir });
  const origin = new URL(server.url).origin;
  runningOrigins.add(origin);
  return {
    dir,
    backend,
    server,
    url: server.url,
    stop: async (opts) => {
      runningOrigins.delete(origin);
      await server.close();
      await backend.close();
      if (!opts?.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
