// How close a typed value is to a record's name, to put the likeliest records first in the value
// mapping ("营业部支部" → 临潼营业部党支部). Only an ordering: nothing is mapped on similarity alone,
// a near miss picked silently would file a member under the wrong branch.
import { cleanText } from '../../../shared/domain/text.js';

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Every character of `short` appears in `long`, in order: an abbreviation of it. */
function abbreviates(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** 0 (nothing shared) … 1.5 (equal): shared pairs of characters, plus a bonus for an abbreviation. */
export function similarity(a: string, b: string): number {
  const x = cleanText(a).replace(/\s/g, '').toLowerCase();
  const y = cleanText(b).replace(/\s/g, '').toLowerCase();
  if (!x || !y) return 0;
  if (x === y) return 1.5;
  const bx = bigrams(x);
  const by = bigrams(y);
  const pool = new Map<string, number>();
  for (const g of by) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bx) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  const dice = bx.length + by.length ? (2 * shared) / (bx.length + by.length) : 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return dice + (short.length >= 2 && abbreviates(short, long) ? 0.5 : 0);
}

/** The items closest to `value` first (ties keep their order), at most `limit` of them. */
export function closest<T>(value: string, items: T[], text: (t: T) => string, limit = 50): T[] {
  return items
    .map((item, i) => ({ item, i, s: similarity(value, text(item)) }))
    .sort((p, q) => q.s - p.s || p.i - q.i)
    .slice(0, limit)
    .map((p) => p.item);
}
