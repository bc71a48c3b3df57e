// `npm run serve` rebuilds the renderer only when a source is newer than the build, stops with a
// plain bilingual message when there is no build and none can be made, and once up says where to
// open it and how to stop it, in Chinese and English. Checked on temp folder layouts: the check
// itself, and the real command run in such a folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, rendererBuildState, RendererBuildError } from '../../electron/browser/rendererBuild.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  // A server a failed test left running would outlive the run.
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HOUR = 3_600_000;
/** Writes `rel` under `root`, dated `hoursAgo` hours before now. */
function put(root: string, rel: string, hoursAgo: number, text = 'x'): void {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const at = new Date(Date.now() - hoursAgo * HOUR);
  utimesSync(file, at, at);
}

/** A project as npm leaves it: sources two days old, the renderer built a day ago. */
function project(o: { built?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'rc-serve-'));
  dirs.push(root);
  put(root, 'renderer/main.tsx', 48);
  put(root, 'renderer/vite.config.ts', 48);
  put(root, 'renderer/features/sync/SyncPage.tsx', 48);
  put(root, 'shared/sync/contract.ts', 48);
  put(root, 'package-lock.json', 48);
  if (o.built !== false) {
    put(root, 'dist/renderer/index.html', 24, '<html><head></head><body>built</body></html>');
    put(root, 'dist/renderer/assets/index-abc.js', 24);
  }
  return root;
}

describe('whether the renderer build is up to date', () => {
  it('is fresh when the build is newer than every source', () => {
    expect(rendererBuildState(project())).toEqual({ fresh: true });
  });

  it('is missing without dist/renderer/index.html', () => {
    expect(rendererBuildState(project({ built: false }))).toEqual({ fresh: false, why: 'missing' });
  });

  it.each(['renderer/features/sync/SyncPage.tsx', 'renderer/vite.config.ts', 'shared/sync/contract.ts', 'shared/new/file.ts', 'package-lock.json'])(
    'is stale when %s is newer than the build',
    (changed) => {
      const root = project();
      put(root, changed, 1);
      expect(rendererBuildState(root)).toEqual({ fresh: false, why: 'stale', changed });
    },
  );

  it('dates the build by its oldest file, so a part left from an older build counts', () => {
    const root = project();
    put(root, 'renderer/main.tsx', 30);
    put(root, 'dist/renderer/assets/old-chunk.js', 36);
    expect(rendererBuildState(root)).toEqual({ fresh: false, why: 'stale', changed: 'renderer/main.tsx' });
  });

  it('ignores what lies outside the renderer\u2019s sources', () => {
    const root = project();
    put(root, 'db/sync/enrol.ts', 1);
    put(root, 'hq/server.ts', 1);
    expect(rendererBuildState(root)).toEqual({ fresh: true });
  });
});

describe('building before serving', () => {
  const quiet = () => {};

  it('does not build an up-to-date renderer', () => {
    let builds = 0;
    const lines: string[] = [];
    expect(ensureRendererBuilt(project(), () => (builds++, true), (l) => lines.push(l))).toBe('fresh');
    expect(builds).toBe(0);
    expect(lines).toEqual(['网页界面已是最新，无需重新构建。 The renderer build is up to date; not rebuilding.']);
  });

  it('builds a stale renderer once, saying which source changed', () => {
    const root = project();
    put(root, 'shared/sync/contract.ts', 1);
    const lines: string[] = [];
    let builds = 0;
    const build = (r: string) => {
      builds++;
      put(r, 'dist/renderer/index.html', 0);
      put(r, 'dist/renderer/assets/index-abc.js', 0);
      return true;
    };
    expect(ensureRendererBuilt(root, build, (l) => lines.push(l))).toBe('built');
    expect(builds).toBe(1);
    expect(lines[0]).toContain('shared/sync/contract.ts');
    expect(rendererBuildState(root)).toEqual({ fresh: true });
  });

  it('fails with a plain message in both languages when the renderer is missing and the build fails', () => {
    const root = project({ built: false });
    const e = (() => {
      try {
        ensureRendererBuilt(root, () => false, quiet);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(RendererBuildError);
    const msg = (e as Error).message;
    expect(msg).toContain(`找不到网页界面 ${join(root, 'dist', 'renderer')}，构建也没有成功`);
    expect(msg).toContain('is missing and could not be built');
    expect(msg).toContain('npm run build:renderer');
  });

  it('fails when a build claims success but leaves no index.html', () => {
    expect(() => ensureRendererBuilt(project({ built: false }), () => true, quiet)).toThrow(RendererBuildError);
  });

  it('fails rather than serve an out-of-date renderer when rebuilding fails', () => {
    const root = project();
    put(root, 'renderer/main.tsx', 1);
    expect(() => ensureRendererBuilt(root, () => false, quiet)).toThrow(/已过期，重新构建没有成功[\s\S]*out of date and rebuilding it failed/);
  });
});

const CLI = resolve('electron/browser/cli.ts');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Runs `npm run serve`'s command in `cwd`; resolves once it exits or prints its stop line. */
function serve(cwd: string, args: string[]) {
  // Without tsx's own wrapper process: the signal a test sends reaches the server itself.
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const up = new Promise<void>((done, fail) => {
    const late = setTimeout(() => fail(new Error(`serve did not come up: ${out}\n${err}`)), 30_000);
    const t = setInterval(() => {
      if (!out.includes('Press Ctrl+C to stop')) return;
      clearInterval(t);
      clearTimeout(late);
      done();
    }, 50);
    void exited.then(() => {
      clearInterval(t);
      clearTimeout(late);
      fail(new Error(`serve exited: ${err}`));
    });
  });
  up.catch(() => {}); // awaited only where the server is meant to come up
  return { child, exited, up, text: () => ({ out, err }) };
}

describe('npm run serve', () => {
  it('starts without rebuilding an up-to-date renderer, printing the address and how to stop in both languages', async () => {
    const root = project();
    const s = serve(root, ['--profile', join(root, 'profile'), '--port', '0']);
    await s.up;
    const { out } = s.text();
    expect(out).toContain('The renderer build is up to date; not rebuilding.');
    expect(out).not.toContain('building it');
    expect(out).toMatch(/红色渠道浏览器模式已启动，请在浏览器中打开：http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/Red Channel browser mode is running; open http:\/\/127\.0\.0\.1:\d+\/ in a browser/);
    expect(out).toContain('按 Ctrl+C 停止。 Press Ctrl+C to stop.');
    const port = /127\.0\.0\.1:(\d+)/.exec(out)![1];
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { host: `127.0.0.1:${port}` } });
    expect(await page.text()).toContain('built');
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
    expect(s.text().out).toContain('已停止。 Stopped.');
  }, 60_000);

  it('stops with a plain message when the renderer is missing and cannot be built', async () => {
    const root = project({ built: false });
    rmSync(join(root, 'renderer', 'vite.config.ts')); // nothing vite could build from
    const s = serve(root, ['--profile', join(root, 'profile'), '--port', '0']);
    expect(await s.exited).toBe(1);
    const { out, err } = s.text();
    expect(out).toContain('The renderer has not been built yet; building it…');
    expect(err).toContain(`找不到网页界面 ${join(root, 'dist', 'renderer')}，构建也没有成功`);
    expect(err).toContain('is missing and could not be built (see the output above). Run npm ci, then npm run build:renderer');
    expect(out).not.toContain('Press Ctrl+C');
  }, 60_000);
});
