// The hybrid logical clock: text order equals (ms, counter, node) order; every stamp a clock
// issues is greater than everything it issued or observed before, whatever its physical clock does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, Hlc, hlcMs } from '../../shared/sync/hlc.js';

const parts = fc.record({ ms: fc.integer({ min: 0, max: 2 ** 48 - 1 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.uuid() });

describe('HLC', () => {
  it('sorts as text exactly as (ms, counter, node)', () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const tuple = a.ms - b.ms || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        const text = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
        expect(Math.sign(text)).toBe(Math.sign(tuple));
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
      }),
    );
  });

  it('never goes back, whatever the physical clock and the stamps it observes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ tick: fc.integer({ min: -1e9, max: 1e9 }) }), fc.record({ seen: parts })), { maxLength: 200 }),
        (steps) => {
          let now = 1.7e12;
          const c = new Hlc('device-a', () => now);
          let last = '';
          // At the very last stamp there is no greater one: the clock refuses rather than go back.
          const tick = () => {
            try {
              return c.tick();
            } catch (e) {
              expect(c.high().slice(0, 16)).toBe('ffffffffffffffff');
              expect(String(e)).toMatch(/exhausted/);
              return null;
            }
          };
          for (const s of steps) {
            if ('tick' in s) {
              now = Math.max(0, now + s.tick); // the wall clock jumps either way
              const h = tick();
              if (h === null) return;
              expect(h > last).toBe(true);
              last = h;
            } else {
              c.observe(encodeHlc(s.seen));
              const h = tick();
              if (h === null) return;
              expect(h > encodeHlc({ ...s.seen, node: '' }) || hlcMs(h) === 2 ** 48 - 1).toBe(true);
              expect(h > last).toBe(true);
              last = h;
            }
          }
        },
      ),
    );
  });

  it('refuses a stamp past the last one instead of wrapping to a smaller one', () => {
    const c = new Hlc('d', () => 1_000);
    c.observe(encodeHlc({ ms: 2 ** 48 - 1, counter: 0xfffe, node: 'x' }));
    expect(c.tick()).toBe(encodeHlc({ ms: 2 ** 48 - 1, counter: 0xffff, node: 'd' }));
    expect(() => c.tick()).toThrow(/exhausted/);
  });

  it('follows the corrected physical time, and rewinds only when asked', () => {
    let now = 1_000_000;
    const c = new Hlc('d', () => now);
    c.offset = 5_000;
    expect(hlcMs(c.tick())).toBe(1_005_000);
    c.observe(9_000_000);
    expect(hlcMs(c.tick())).toBe(9_000_000);
    now = 1_000_100;
    c.rewind();
    expect(hlcMs(c.tick())).toBe(1_005_100);
  });
});
