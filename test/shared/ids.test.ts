// Row ids (shared/core/ids.ts): UUIDv7, minted offline on every device, drawn from a pool of random
// bytes. What must hold: well-formed version-7 ids carrying their time, ordered as minted on one
// device, never repeated (across many refills of the pool), and random where they are not time.
import { describe, expect, it } from 'vitest';
import { UUID_RE, uuidv7 } from '../../shared/core/ids.js';

const ms = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7', () => {
  it('mints well-formed version-7 ids that carry the time they were made', () => {
    const at = Date.UTC(2024, 0, 1);
    const id = uuidv7(at + 60_000);
    expect(id).toMatch(UUID_RE);
    expect(id[14]).toBe('7'); // version
    expect('89ab').toContain(id[19]!); // RFC 4122 variant
    expect(new Date(ms(id)).toISOString()).toBe('2024-01-01T00:01:00.000Z');
  });

  it('never repeats, and keeps the order it minted in, across many refills of its random pool', () => {
    const ids = Array.from({ length: 50_000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => UUID_RE.test(id) && id[14] === '7')).toBe(true);
  });

  it('draws fresh random bits for every id: no 62-bit tail comes twice, and every hex digit appears in it', () => {
    const tails = Array.from({ length: 20_000 }, () => uuidv7().slice(20));
    expect(new Set(tails).size).toBe(tails.length);
    const digits = new Set(tails.join('').replace(/-/g, ''));
    expect(digits.size).toBe(16);
  });
});
