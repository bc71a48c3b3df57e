// `npm run serve` serves dist/renderer. Building it takes a while on a county PC and changes nothing
// when no source has changed, so the build runs only when some source is newer than the build; and
// when there is no build and none can be made, serve stops with a message saying so, in Chinese and
// English, rather than starting a server that answers every page with 404.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** What the renderer bundle is made from, relative to the project root (the vite config sits in renderer/). */
export const RENDERER_SOURCES = ['renderer', 'shared', 'package-lock.json'] as const;
export const RENDERER_OUT = join('dist', 'renderer');

export type BuildState =
  | { fresh: true }
  | { fresh: false; why: 'missing' }
  | { fresh: false; why: 'stale'; changed: string };

/** Every file under `path` (or `path` itself), with its modification time. */
function* files(path: string): Generator<{ path: string; mtimeMs: number }> {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (!st.isDirectory()) {
    yield { path, mtimeMs: st.mtimeMs };
    return;
  }
  for (const e of readdirSync(path)) yield* files(join(path, e));
}

/**
 * Fresh when the oldest file of the build is newer than every source file: a build is written whole
 * (vite empties the folder first), so its oldest file is when that build began.
 */
export function rendererBuildState(root: string): BuildState {
  const out = join(root, RENDERER_OUT);
  if (!existsSync(join(out, 'index.html'))) return { fresh: false, why: 'missing' };
  let builtAt = Infinity;
  for (const f of files(out)) builtAt = Math.min(builtAt, f.mtimeMs);
  for (const src of RENDERER_SOURCES)
    for (const f of files(join(root, src))) if (f.mtimeMs > builtAt) return { fresh: false, why: 'stale', changed: relative(root, f.path) };
  return { fresh: true };
}

/** Runs vite's build of the renderer in `root`, its output shown as it comes; true when it succeeded. */
export function viteBuild(root: string): boolean {
  let vite: string;
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return false; // not installed (npm ci skipped, or a production install): said by the caller
  }
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join('renderer', 'vite.config.ts')], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

export class RendererBuildError extends Error {}

/**
 * Builds the renderer if it is missing or older than its sources; says what it did. Throws a
 * RendererBuildError (a message for the person at the terminal) when it is missing and no build
 * succeeds, or out of date and the rebuild fails (serving an old screen against a newer backend
 * would fail in ways nobody could explain).
 */
export function ensureRendererBuilt(root: string, build: (root: string) => boolean = viteBuild, say: (line: string) => void = console.log): 'fresh' | 'built' {
  const state = rendererBuildState(root);
  if (state.fresh) {
    say('网页界面已是最新，无需重新构建。 The renderer build is up to date; not rebuilding.');
    return 'fresh';
  }
  say(state.why === 'missing'
    ? '尚未构建网页界面，正在构建…… The renderer has not been built yet; building it…'
    : `网页界面需要重新构建（${state.changed} 有改动），正在构建…… The renderer is out of date (${state.changed} changed); rebuilding…`);
  // A source saved while the build ran makes it stale again, not failed: the next start rebuilds.
  if (build(root) && existsSync(join(root, RENDERER_OUT, 'index.html'))) return 'built';
  const out = join(root, RENDERER_OUT);
  throw new RendererBuildError(state.why === 'missing'
    ? [
        `找不到网页界面 ${out}，构建也没有成功（原因见上方输出）。请先运行 npm ci，再运行 npm run build:renderer 并按其提示处理。`,
        `The renderer build ${out} is missing and could not be built (see the output above). Run npm ci, then npm run build:renderer, and fix what it reports.`,
      ].join('\n')
    : [
        `网页界面 ${out} 已过期，重新构建没有成功（原因见上方输出）。请运行 npm run build:renderer 并按其提示处理。`,
        `The renderer build ${out} is out of date and rebuilding it failed (see the output above). Run npm run build:renderer and fix what it reports.`,
      ].join('\n'));
}
