// The shape of a push request checked by hand, for HQ's hot path: the zod schema (protocol.ts)
// spent ~12 µs per write building a copy of every write it accepted (~0.7 s of a 56k-row first
// push). This says yes only to what `pushRequest` accepts, and no to everything else, so a "no"
// goes on to the schema, which then says exactly what is wrong. test/sync/pushShape.test.ts
// checks the two against each other on valid and mutated requests.
import { isHlc } from './hlc.js';
import { LIMITS, ROLE_VALUES, type PushRequest } from './protocol.js';
import { COLUMN_RE, SCOPE_RE, isSyncTable } from './tables.js';

const ROW_ID_RE = /^[0-9A-Za-z_-]+$/;
const WRITES_ONLY = new Set(['writes']);
const WRITE_KEYS = new Set(['s', 't', 'r', 'h', 'p', 'c', 'b', 'w']);
const WRITER_KEYS = new Set(['n', 'r', 'u']);
const ROLES = new Set<string>(ROLE_VALUES);

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const isStamp = (x: unknown): boolean => typeof x === 'string' && x.length <= 90 && isHlc(x);
const isValue = (x: unknown): boolean => x === null || (typeof x === 'string' ? x.length <= LIMITS.valueChars : typeof x === 'number' && Number.isFinite(x));

function onlyKeys(o: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function isCells(c: unknown): boolean {
  if (!isPlain(c)) return false;
  let n = 0;
  for (const k in c) {
    if (!COLUMN_RE.test(k) || !isValue(c[k])) return false;
    n++;
  }
  return n > 0 && n <= LIMITS.colsPerWrite;
}

function isBase(b: unknown): boolean {
  if (b === undefined) return true;
  if (typeof b === 'string') return isStamp(b);
  if (!isPlain(b)) return false;
  for (const k in b) if (!COLUMN_RE.test(k) || (b[k] !== '' && !isStamp(b[k]))) return false;
  return true;
}

function isWriter(w: unknown): boolean {
  if (w === undefined) return true;
  if (!isPlain(w) || !onlyKeys(w, WRITER_KEYS)) return false;
  if (typeof w.n !== 'string' || w.n.length < 1 || w.n.length > 100) return false;
  if ('r' in w && !(typeof w.r === 'string' && ROLES.has(w.r))) return false;
  return !('u' in w) || (typeof w.u === 'string' && w.u.length <= 64);
}

function isWrite(w: unknown): boolean {
  if (!isPlain(w) || !onlyKeys(w, WRITE_KEYS)) return false;
  const { s, t, r, p } = w;
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 1) return false;
  if (typeof t !== 'string' || t.length > 40 || !isSyncTable(t)) return false;
  if (typeof r !== 'string' || r.length < 1 || r.length > 64 || !ROW_ID_RE.test(r)) return false;
  if (!isStamp(w.h)) return false;
  if (typeof p !== 'string' || p.length > 400 || !SCOPE_RE.test(p)) return false;
  if ('b' in w && w.b === undefined) return false;
  if ('w' in w && w.w === undefined) return false;
  return isCells(w.c) && isBase(w.b) && isWriter(w.w);
}

/** True only for a request `pushRequest` accepts as it is (its parse would return an equal copy). */
export function isPushRequest(body: unknown): body is PushRequest {
  if (!isPlain(body) || !onlyKeys(body, WRITES_ONLY)) return false;
  const writes = body.writes;
  if (!Array.isArray(writes) || writes.length < 1 || writes.length > LIMITS.writesPerPush) return false;
  for (const w of writes) if (!isWrite(w)) return false;
  return true;
}
