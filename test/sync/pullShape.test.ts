// The device's hand-written check of a pull answer (shared/sync/pullShape.ts) against the zod schema
// it stands in for: it must never accept what the schema refuses, must say yes only where the schema
// would return an equal answer, and must accept the answers HQ sends (otherwise the device silently
// falls back to the slow path).
import fc from 'fast-check';
import { mutate } from './mutate.js';
import { describe, expect, it, vi } from 'vitest';
import { encodeHlc } from '../../shared/sync/hlc.js';
import { LIMITS, pullAnswer } from '../../shared/sync/protocol.js';
import { isPullAnswer } from '../../shared/sync/pullShape.js';

const node = '01a24142-fe9f-7006-91f0-41f07dcd3b26';
const stamp = fc.record({ ms: fc.integer({ min: 0, max: 2 ** 44 }), counter: fc.integer({ min: 0, max: 65535 }) }).map((t) => encodeHlc({ ...t, node }));
const column = fc.constantFrom('name', 'phone', 'scope_path', 'held_on', 'duration_min', 'deleted');
const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('纪念“七一”表彰', '', '13800138000'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
const table = fc.constantFrom('people', 'members', 'activities', 'attendance', 'outlets');
const id = fc.constantFrom('01a14202-8f64-7065-81e0-c151c89e9fc1', 'r_1');
const row = fc.record(
  { v: fc.integer({ min: 1 }), t: table, id, h: stamp, c: fc.dictionary(column, value, { maxKeys: 6 }), hx: fc.dictionary(column, stamp, { maxKeys: 3 }) },
  { requiredKeys: ['v', 't', 'id', 'h', 'c'] },
);
const side = fc.record({ value, hlc: stamp, device: fc.constantFrom(node, 'hq'), user: fc.constantFrom('王娟', '总部') });
const conflict = fc.record({ v: fc.integer({ min: 1 }), id, t: table, r: id, col: column, p: fc.constantFrom('/', '/hq/hz/'), loser: side, winner: side, deleted: fc.boolean() });
const drop = fc.record({ v: fc.integer({ min: 1 }), t: table, id });
// As the device receives it: parsed from JSON text (plain objects, no -0).
const answer = fc
  .record({ hqTime: fc.integer({ min: 0 }), rows: fc.array(row, { maxLength: 4 }), drops: fc.array(drop, { maxLength: 2 }), conflicts: fc.array(conflict, { maxLength: 2 }), cursor: fc.integer({ min: 0 }), more: fc.boolean() })
  .map((a) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>);

/** Values a mutation puts somewhere: wrong types, edges of the limits, shapes that look right. */
const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, false, '', 'x', 'x'.repeat(LIMITS.valueChars + 1), [], [1], {}, { a: [] }, { a: {} }, { a: 'x' },
    Object.create({ inherited: 1 }) as unknown, new Date(0), JSON.parse('{"__proto__": 1}') as unknown, [null], { value: 1, hlc: 'h', device: 'd', user: 'u' },
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const paths = [
  '', 'hqTime', 'rows', 'rows.0', 'rows.0.v', 'rows.0.t', 'rows.0.id', 'rows.0.h', 'rows.0.c', 'rows.0.c.name', 'rows.0.c.x', 'rows.0.hx', 'rows.0.hx.name', 'rows.0.extra', 'rows.1',
  'drops', 'drops.0', 'drops.0.v', 'drops.0.id', 'drops.0.extra', 'conflicts', 'conflicts.0', 'conflicts.0.v', 'conflicts.0.col', 'conflicts.0.deleted', 'conflicts.0.loser',
  'conflicts.0.loser.value', 'conflicts.0.winner.hlc', 'conflicts.0.winner.extra', 'conflicts.0.extra', 'cursor', 'more', 'extra',
];


describe('the pull-answer check the device runs first', () => {
  it('accepts the answers HQ sends, each exactly as the schema would return it', () => {
    fc.assert(
      fc.property(answer, (a) => {
        expect(isPullAnswer(a)).toBe(true);
        const z = pullAnswer.safeParse(a);
        expect(z.success && z.data).toEqual(a);
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts what the schema refuses, nor what it would return changed', () => {
    let refused = 0;
    fc.assert(
      fc.property(answer, fc.constantFrom(...paths), nasty, (a, path, v) => {
        const m = mutate(a, path, v);
        const z = pullAnswer.safeParse(m);
        if (isPullAnswer(m)) expect(z.success && z.data).toStrictEqual(m);
        if (!z.success) refused++;
      }),
      { numRuns: 20_000 },
    );
    expect(refused).toBeGreaterThan(5000); // the mutations do reach the refusals
  });

  it('refuses a hole in a list (which the schema refuses), and an answer with a key missing', () => {
    const ok = { hqTime: 1, rows: [], drops: [], conflicts: [], cursor: 0, more: false };
    expect(isPullAnswer(ok)).toBe(true);
    const holed = { ...ok, drops: Array.from({ length: 1 }) };
    expect(pullAnswer.safeParse(holed).success).toBe(false);
    expect(isPullAnswer(holed)).toBe(false);
    const { more: _, ...short } = ok;
    expect(isPullAnswer(short)).toBe(false);
  });

  it('is what the device uses: a valid answer skips the schema, and a malformed one is still refused by it', async () => {
    const spy = vi.spyOn(pullAnswer, 'safeParse');
    const { HqClient } = await import('../../db/sync/client.js');
    const text = (body: unknown) => ({ postText: async () => JSON.stringify(body) }) as unknown as InstanceType<typeof HqClient>;
    const post = HqClient.prototype.post;
    const good = { hqTime: 1, rows: [{ v: 3, t: 'people', id: 'r1', h: encodeHlc({ ms: 1, counter: 0, node }), c: { name: '王娟' } }], drops: [], conflicts: [], cursor: 3, more: false };
    expect(await post.call(text(good), '/v1/pull', {}, pullAnswer)).toEqual(good);
    expect(spy).not.toHaveBeenCalled();
    await expect(post.call(text({ ...good, cursor: '3' }), '/v1/pull', {}, pullAnswer)).rejects.toMatchObject({ kind: 'protocol' });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
