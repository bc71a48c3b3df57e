// A tiny benchmark framework. A benchmark is a named async function that measures things through
// the `Bench` it is given; each measurement may name a baseline measured in the same run (the
// ratio is printed) and a target (met or missed is printed). Benchmarks are not tests: they
// print figures, and fail only when they crash.
//
// Adding one: write bench/<name>.bench.ts exporting `defineBench({ name, description, run })`
// and add it to the list in bench/run.ts.

export interface Target {
  /** The statistic the target applies to. */
  stat: 'p50' | 'p95' | 'mean' | 'max';
  /** Upper bound in milliseconds. */
  ms: number;
  /** How to state it in the report, e.g. "first page < 50 ms". */
  label: string;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  /** Label of an earlier measurement of this benchmark to compare with (ratio = this p50 / that p50). */
  baseline?: string;
  target?: Target;
  /** Run untimed before each run (warm-ups too): e.g. a write, so that nothing kept from the run before is served. */
  before?: () => unknown;
}

export interface Stats {
  runs: number;
  min: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export interface Row {
  bench: string;
  label: string;
  stats?: Stats;
  value?: string;
  baseline?: string;
  ratio?: number;
  target?: Target;
  met?: boolean;
}

export interface Bench {
  /** Times `fn` (sync or async) `runs` times after `warmup` unrecorded runs. */
  measure(label: string, fn: () => unknown, opts?: MeasureOptions): Promise<Stats>;
  /** Records durations timed by the benchmark itself (e.g. each run needs its own setup). */
  record(label: string, samplesMs: number[], opts?: Omit<MeasureOptions, 'runs' | 'warmup'>): Stats;
  /** A non-timing figure worth printing (row counts, sizes). */
  figure(label: string, value: string | number): void;
  note(text: string): void;
}

export interface BenchDef {
  name: string;
  description: string;
  run(b: Bench): Promise<void>;
}

export function defineBench(def: BenchDef): BenchDef {
  return def;
}

export function statsOf(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { runs: s.length, min: s[0]!, p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s[s.length - 1]! };
}

class Recorder implements Bench {
  readonly rows: Row[] = [];
  readonly notes: string[] = [];
  constructor(private readonly bench: string) {}

  async measure(label: string, fn: () => unknown, opts: MeasureOptions = {}): Promise<Stats> {
    const { runs = 30, warmup = 3, before } = opts;
    for (let i = 0; i < warmup; i++) {
      await before?.();
      await fn();
    }
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await before?.();
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    return this.record(label, samples, opts);
  }

  record(label: string, samplesMs: number[], opts: Omit<MeasureOptions, 'runs' | 'warmup'> = {}): Stats {
    const stats = statsOf(samplesMs);
    const row: Row = { bench: this.bench, label, stats, target: opts.target };
    if (opts.baseline) {
      const base = this.rows.find((r) => r.label === opts.baseline && r.stats);
      if (!base) throw new Error(`baseline "${opts.baseline}" has not been measured yet in ${this.bench}`);
      row.baseline = opts.baseline;
      row.ratio = stats.p50 / base.stats!.p50;
    }
    if (opts.target) row.met = stats[opts.target.stat] < opts.target.ms;
    this.rows.push(row);
    console.log(`  · ${label}: p50 ${fmt(stats.p50)} · p95 ${fmt(stats.p95)} (${stats.runs} runs)`);
    return stats;
  }

  figure(label: string, value: string | number): void {
    this.rows.push({ bench: this.bench, label, value: String(value) });
    console.log(`  · ${label}: ${value}`);
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  ${text}`);
  }
}

const fmt = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);

/** East Asian wide characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

export function table(rows: Row[]): string {
  const head = ['benchmark', 'measurement', 'runs', 'p50', 'p95', 'mean', 'vs baseline', 'target'];
  const body = rows.map((r) => [
    r.bench,
    r.stats ? r.label : `${r.label}: ${r.value ?? ''}`,
    r.stats ? String(r.stats.runs) : '',
    r.stats ? fmt(r.stats.p50) : '',
    r.stats ? fmt(r.stats.p95) : '',
    r.stats ? fmt(r.stats.mean) : '',
    r.ratio !== undefined ? `${r.ratio.toFixed(2)}× ${r.baseline}` : '',
    r.target ? `${r.met ? 'met' : 'MISSED'}: ${r.target.label} (${r.target.stat})` : '',
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))));
  const right = [false, false, true, true, true, true, false, false];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, right[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Runs the benchmarks in sequence and prints one table at the end. */
export async function runAll(defs: BenchDef[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const def of defs) {
    console.log(`\n▶ ${def.name} — ${def.description}`);
    const rec = new Recorder(def.name);
    const t = performance.now();
    await def.run(rec);
    console.log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    rows.push(...rec.rows);
  }
  console.log(`\n${table(rows)}\n`);
  return rows;
}
