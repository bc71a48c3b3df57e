// The shape of a pull answer checked by hand, for the device's hot path: zod (protocol.ts pullAnswer)
// took ~3.0 ms to check a page of 2,000 rows that JSON.parse had read in ~2.2 ms (bench, this
// machine), building a copy of every row. As shared/sync/pushShape.ts does for HQ, this says yes only
// to what `pullAnswer` accepts as it is, and no to everything else; a "no" goes on to the schema,
// which then refuses it or returns its copy. test/sync/pullShape.test.ts checks the two against
// each other on valid and mutated answers.
import { LIMITS, type PullAnswer } from './protocol.js';

const ANSWER_KEYS = new Set(['hqTime', 'rows', 'drops', 'conflicts', 'cursor', 'more']);
const ROW_KEYS = new Set(['v', 't', 'id', 'h', 'c', 'hx']);
const DROP_KEYS = new Set(['v', 't', 'id']);
const CONFLICT_KEYS = new Set(['v', 'id', 't', 'r', 'col', 'p', 'loser', 'winner', 'deleted']);
const SIDE_KEYS = new Set(['value', 'hlc', 'device', 'user']);

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isValue = (x: unknown): boolean => x === null || (typeof x === 'string' ? x.length <= LIMITS.valueChars : isNumber(x));

/** Only `keys` present (each required one too), none of them undefined, and no `__proto__` (which a copy would not keep as data). */
function exactly(o: Record<string, unknown>, keys: Set<string>, required: number): boolean {
  let n = 0;
  for (const k in o) {
    if (!keys.has(k) || o[k] === undefined) return false;
    n++;
  }
  return n >= required;
}

function isMap(m: unknown, ok: (v: unknown) => boolean): boolean {
  if (!isPlain(m)) return false;
  for (const k in m) if (k === '__proto__' || !ok(m[k])) return false;
  return true;
}

const isString = (x: unknown): x is string => typeof x === 'string';

function isRow(r: unknown): boolean {
  if (!isPlain(r) || !exactly(r, ROW_KEYS, 'hx' in r ? 6 : 5)) return false;
  return isNumber(r.v) && isString(r.t) && isString(r.id) && isString(r.h) && isMap(r.c, isValue) && (!('hx' in r) || isMap(r.hx, isString));
}

const isDrop = (d: unknown): boolean => isPlain(d) && exactly(d, DROP_KEYS, 3) && isNumber(d.v) && isString(d.t) && isString(d.id);

const isSide = (s: unknown): boolean => isPlain(s) && exactly(s, SIDE_KEYS, 4) && isValue(s.value) && isString(s.hlc) && isString(s.device) && isString(s.user);

function isConflict(c: unknown): boolean {
  if (!isPlain(c) || !exactly(c, CONFLICT_KEYS, 9)) return false;
  return isNumber(c.v) && isString(c.id) && isString(c.t) && isString(c.r) && isString(c.col) && isString(c.p) && isSide(c.loser) && isSide(c.winner) && typeof c.deleted === 'boolean';
}

/** Every item, holes included (Array.prototype.every would skip a hole that the schema refuses). */
function every(xs: unknown, ok: (x: unknown) => boolean): boolean {
  if (!Array.isArray(xs)) return false;
  for (let i = 0; i < xs.length; i++) if (!ok(xs[i])) return false;
  return true;
}

/** True only for an answer `pullAnswer` accepts as it is (its parse would return an equal copy). */
export function isPullAnswer(a: unknown): a is PullAnswer {
  if (!isPlain(a) || !exactly(a, ANSWER_KEYS, ANSWER_KEYS.size)) return false;
  return isNumber(a.hqTime) && isNumber(a.cursor) && typeof a.more === 'boolean' && every(a.rows, isRow) && every(a.drops, isDrop) && every(a.conflicts, isConflict);
}
