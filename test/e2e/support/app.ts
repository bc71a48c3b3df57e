// Starts the real backend on a temp profile and serves the built renderer in browser mode.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBackend, type Backend } from '../../../db/backend.js';
import { startBrowserServer, type BrowserServer } from '../../../electron/browser/server.js';

export const RENDERER_DIST = resolve('dist/renderer');

export interface RunningApp {
  dir: string;
  backend: Backend;
  server: BrowserServer;
  url: string;
  stop(opts?: { keep?: boolean }): Promise<void>;
}

export async function startApp(dir = mkdtempSync(join(tmpdir(), 'rc-e2e-'))): Promise<RunningApp> {
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` before the e2e tests (npm test does it).');
  }
  const backend = await startBackend(dir);
  const server = await startBrowserServer(backend, { staticDir: RENDERER_DIST });
  return {
    dir,
    backend,
    server,
    url: server.url,
    stop: async (opts) => {
      await server.close();
      await backend.close();
      if (!opts?.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
