// What the load test's processes used of the machine (Linux /proc): each process's CPU seconds in a
// window, and how busy the cores were, so "what limits it" is a measurement rather than a guess.
// On this 2-core machine HQ, PostgreSQL and the simulated devices share the cores; reading only HQ's
// event loop would blame HQ for time the kernel gave to the others.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux build Node runs on). */
const TICKS = 100;

export interface CpuMark {
  at: number;
  /** Busy CPU seconds of the whole machine (every core), from /proc/stat. */
  machine: number;
  /** CPU seconds (user + system) of this process and each of its descendants. */
  byPid: Map<number, number>;
  /** Each descendant's parent, to group a process with those it started (PostgreSQL's backends). */
  parent: Map<number, number>;
  /** Each one's command name (/proc/<pid>/stat's second field: "postgres", "node"). */
  command: Map<number, string>;
}

function stat(pid: number): { parent: number; seconds: number; command: string } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses: state is field 3.
    const close = s.lastIndexOf(')');
    const f = s.slice(close + 2).split(' ');
    return { parent: Number(f[1]), seconds: (Number(f[11]) + Number(f[12])) / TICKS, command: s.slice(s.indexOf('(') + 1, close) };
  } catch {
    return undefined; // ended meanwhile, or not Linux
  }
}

function machineBusy(): number {
  try {
    const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0); // user nice system idle iowait irq softirq steal
    return (total - v[3]! - v[4]!) / TICKS;
  } catch {
    return NaN;
  }
}

/** This process and everything it started, with their CPU seconds so far. */
export function markCpu(): CpuMark {
  const all = new Map<number, { parent: number; seconds: number; command: string }>();
  let pids: number[] = [];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    // not Linux: every share reads 0 and the figure says so
  }
  for (const pid of pids) {
    const s = stat(pid);
    if (s) all.set(pid, s);
  }
  const byPid = new Map<number, number>();
  const parent = new Map<number, number>();
  const command = new Map<number, string>();
  const walk = [process.pid];
  while (walk.length) {
    const pid = walk.pop()!;
    const s = all.get(pid);
    if (!s || byPid.has(pid)) continue;
    byPid.set(pid, s.seconds);
    parent.set(pid, s.parent);
    command.set(pid, s.command);
    for (const [child, c] of all) if (c.parent === pid) walk.push(child);
  }
  return { at: performance.now(), machine: machineBusy(), byPid, parent, command };
}

export interface CpuUse {
  seconds: number;
  /** The machine's cores, busy seconds in the window (every process, ours or not). */
  machineBusy: number;
  cores: number;
  /** CPU seconds per group in the window. */
  groups: Map<string, number>;
}

/**
 * CPU seconds each group used between two marks. `groupOf` names a process's group (undefined: the
 * group of its parent, so a server's workers count with it). A process that ended before `end` is
 * missing from it, and its last window is lost: the caller counts such a process itself.
 */
export function cpuUse(start: CpuMark, end: CpuMark, groupOf: (pid: number, command: string) => string | undefined): CpuUse {
  const groups = new Map<string, number>();
  const nameOf = (pid: number): string => {
    for (let p: number | undefined = pid; p !== undefined; p = end.parent.get(p)) {
      const g = groupOf(p, end.command.get(p) ?? '');
      if (g) return g;
    }
    return 'other';
  };
  for (const [pid, s] of end.byPid) {
    const used = s - (start.byPid.get(pid) ?? 0); // a process started in the window counts from 0
    const g = nameOf(pid);
    groups.set(g, (groups.get(g) ?? 0) + used);
  }
  return { seconds: (end.at - start.at) / 1000, machineBusy: end.machine - start.machine, cores: cpus().length, groups };
}
