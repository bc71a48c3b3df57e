// Deterministic randomness for the synthetic province: one seed → the same numbers, ids and dates.
// Nothing here may touch Math.random, Date.now or crypto.

/** mulberry32: a small, fast 32-bit generator; good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with a label so each county / stream gets its own independent sequence. */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of parts.join('|')) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  static derive(seed: number, ...parts: (string | number)[]): Rng {
    return new Rng(deriveSeed(seed, ...parts));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** Picks by weight from [value, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  /** Knuth's method; fine for the small means we use. Large means fall back to a rounded normal. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
  /** k distinct elements (or all when there are fewer). */
  sample<T>(xs: readonly T[], k: number): T[] {
    return this.shuffle([...xs]).slice(0, k);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7-shaped ids from a PRNG. The 48-bit time part counts up from `baseMs` by one per id,
 * which makes every id unique and keeps B-tree inserts in order, as real UUIDv7 do.
 */
export class IdMaker {
  private ms: number;
  private readonly rng: Rng;
  constructor(seed: number, baseMs: number) {
    this.rng = Rng.derive(seed, 'ids');
    this.ms = baseMs;
  }
  next(): string {
    const ms = this.ms++;
    const b = new Array<number>(16);
    for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
    for (let i = 6; i < 16; i++) b[i] = Math.floor(this.rng.next() * 256);
    b[6] = 0x70 | (b[6]! & 0x0f);
    b[8] = 0x80 | (b[8]! & 0x3f);
    const h = b.map((x) => HEX[x]!).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

// ---- dates (UTC, ISO yyyy-mm-dd) ----

const DAY = 86_400_000;

export function toMs(date: string): number {
  return Date.parse(date + 'T00:00:00Z');
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDay(toMs(date) + days * DAY);
}

/** Adds months, clamping the day to the month's end (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** A uniformly random day in [from, to] inclusive. */
export function randomDay(rng: Rng, from: string, to: string): string {
  const a = toMs(from);
  const b = toMs(to);
  if (b <= a) return from;
  return isoDay(a + Math.floor(rng.next() * ((b - a) / DAY + 1)) * DAY);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((toMs(b) - toMs(a)) / DAY);
}
