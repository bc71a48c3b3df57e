// HQ's hand-written check of a push (shared/sync/pushShape.ts) against the zod schema it stands in
// for: it must never accept what the schema refuses, and it must accept the pushes devices send
// (otherwise HQ silently falls back to the slow path).
import fc from 'fast-check';
import { mutate } from './mutate.js';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/sync/hlc.js';
import { LIMITS, pushRequest } from '../../shared/sync/protocol.js';
import { isPushRequest } from '../../shared/sync/pushShape.js';

const node = '01a24142-fe9f-7006-91f0-41f07dcd3b26';
const stamp = fc.record({ ms: fc.integer({ min: 0, max: 2 ** 44 }), counter: fc.integer({ min: 0, max: 65535 }) }).map((t) => encodeHlc({ ...t, node }));
const column = fc.constantFrom('name', 'phone', 'scope_path', 'held_on', 'duration_min', 'x_9', 'deleted');
const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('纪念“七一”表彰', '', '13800138000'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
const cells = fc.dictionary(column, value, { minKeys: 1, maxKeys: 6 });
const write = fc.record(
  {
    s: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    t: fc.constantFrom('people', 'members', 'activities', 'attendance', 'outlets'),
    r: fc.constantFrom('01a14202-8f64-7065-81e0-c151c89e9fc1', 'r_1', 'A-b'),
    h: stamp,
    p: fc.constantFrom('/', '/hq/', '/hq/hz/hz-hantai/'),
    c: cells,
    b: fc.oneof(stamp, fc.dictionary(column, fc.oneof(stamp, fc.constant('')))),
    w: fc.record({ n: fc.constantFrom('王娟', '本机用户'), r: fc.constantFrom('instructor', 'county_organiser', 'hq_admin', 'auditor'), u: fc.constantFrom('p1', '') }, { requiredKeys: ['n'] }),
  },
  { requiredKeys: ['s', 't', 'r', 'h', 'p', 'c'] },
);
// As HQ receives it: parsed from JSON text (plain objects, no -0).
const request = fc.array(write, { minLength: 1, maxLength: 4 }).map((writes) => JSON.parse(JSON.stringify({ writes })) as { writes: unknown[] });

/** Values a mutation puts somewhere: wrong types, edges of every limit, shapes that look right. */
const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, true, '', 'x'.repeat(41), 'x'.repeat(65), 'x'.repeat(91), 'x'.repeat(101),
    'x'.repeat(LIMITS.valueChars + 1), 'Name', 'not_a_table', '/HQ/', 'hq/', '/a b/', 'r 1', '0123', [], {}, { n: '' }, { n: 'a', r: 'boss' }, { n: 'a', x: 1 }, { '': 'x' }, { Name: 1 }, { a: [] }, { a: {} },
    Object.create({ inherited: 1 }) as unknown, new Date(0), ['writes'],
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const paths = ['', 'writes', 'writes.0', 'writes.0.s', 'writes.0.t', 'writes.0.r', 'writes.0.h', 'writes.0.p', 'writes.0.c', 'writes.0.c.name', 'writes.0.c.NEW', 'writes.0.b', 'writes.0.b.name', 'writes.0.w', 'writes.0.w.n', 'writes.0.w.r', 'writes.0.w.u', 'writes.0.extra', 'extra'];


describe('the push check HQ runs first', () => {
  it('accepts the pushes devices send, each exactly as the schema would return it', () => {
    fc.assert(
      fc.property(request, (req) => {
        expect(isPushRequest(req)).toBe(true);
        const z = pushRequest.safeParse(req);
        expect(z.success && z.data).toEqual(req);
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts what the schema refuses', () => {
    let refused = 0;
    fc.assert(
      fc.property(request, fc.constantFrom(...paths), nasty, (req, path, v) => {
        const m = mutate(req, path, v);
        const z = pushRequest.safeParse(m);
        if (isPushRequest(m)) expect(z.success && z.data).toEqual(m);
        if (!z.success) refused++;
      }),
      { numRuns: 20_000 },
    );
    expect(refused).toBeGreaterThan(5000); // the mutations do reach the refusals
  });

  it('refuses too many writes, and none', () => {
    const one = { s: 1, t: 'people', r: 'r1', h: encodeHlc({ ms: 1, counter: 0, node }), p: '/', c: { name: '王娟' } };
    expect(isPushRequest({ writes: [] })).toBe(false);
    expect(isPushRequest({ writes: Array.from({ length: LIMITS.writesPerPush }, (_, i) => ({ ...one, s: i + 1 })) })).toBe(true);
    expect(isPushRequest({ writes: Array.from({ length: LIMITS.writesPerPush + 1 }, (_, i) => ({ ...one, s: i + 1 })) })).toBe(false);
    expect(isPushRequest({ writes: [{ ...one, c: Object.fromEntries(Array.from({ length: LIMITS.colsPerWrite + 1 }, (_, i) => [`c${i}`, 1])) }] })).toBe(false);
  });
});
