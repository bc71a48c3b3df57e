// The load test's "what limits it" rests on bench/cpuShare.ts: each process's CPU between two marks,
// grouped with the processes it started. Real processes burning a known amount of CPU.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuUse, markCpu } from '../../bench/cpuShare.js';

/** Burns `ms` of its own CPU (not wall time: the machine may be busy), says "burnt", then idles until killed. */
const burn = (ms: number) => `const t = ${ms * 1000}; while (process.cpuUsage().user + process.cpuUsage().system < t) Math.sqrt(Math.random()); console.log('burnt'); setInterval(() => {}, 1000);`;

const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) process.kill(-c.pid!, 'SIGKILL'); // the whole group: a child's child too
});

function run(script: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true }); // a process group of its own
  started.push(c);
  return new Promise((resolve, reject) => {
    let out = '';
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      // the parent's own "burnt" and its child's: as many as the script burns
      if (out.split('burnt').length - 1 >= (script.match(/console\.log\('burnt'\)/g) ?? []).length) resolve(c);
    });
    c.once('exit', (code) => reject(new Error(`ended early (${code})`)));
  });
}

describe.runIf(process.platform === 'linux')('bench/cpuShare: CPU seconds by process group', () => {
  it('counts a process started in the window whole, and its children with it', async () => {
    const before = markCpu();
    // A parent that starts a child (as PostgreSQL starts its backends); both burn 300 ms.
    const parent = await run(`require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(burn(300))}], { stdio: 'inherit' }); ${burn(300)}`);
    const other = await run(burn(200));
    const use = cpuUse(before, markCpu(), (pid) => (pid === parent.pid ? 'family' : pid === other.pid ? 'other' : undefined));
    expect(use.groups.get('family')).toBeGreaterThanOrEqual(0.55);
    expect(use.groups.get('family')).toBeLessThan(5);
    expect(use.groups.get('other')).toBeGreaterThanOrEqual(0.18);
    expect(use.groups.get('other')).toBeLessThan(use.groups.get('family')!);
    // The machine was at least as busy as these processes made it.
    expect(use.machineBusy).toBeGreaterThanOrEqual(0.7);
    expect(use.cores).toBeGreaterThan(0);
  });

  it('counts only what a process used after the first mark', async () => {
    const child = await run(burn(300));
    const before = markCpu();
    const use = cpuUse(before, markCpu(), (pid) => (pid === child.pid ? 'idle child' : undefined));
    expect(use.groups.get('idle child') ?? 0).toBeLessThan(0.05);
  });
});
