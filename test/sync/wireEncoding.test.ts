// Content coding of sync bodies (shared/node/wireEncoding.ts). Small bodies are coded on the calling
// thread, large ones off it; what must hold either way: every body comes back as it was sent, a
// small body that inflates past the small bound is still decoded whole when the caller's limit
// allows it, and past the caller's limit, or cut off, it is refused.
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, SYNC_CODED_BYTES, WireDecodeError, type Coding } from '../../shared/node/wireEncoding.js';

const json = (bytes: number) => Buffer.from(JSON.stringify({ rows: Array.from({ length: Math.ceil(bytes / 60) }, (_, i) => ({ id: i, name: `网点${i}`, at: 1_700_000_000_000 + i })) }).slice(0, bytes));
const codings: Coding[] = ['br', 'gzip'];

describe('sync body coding', () => {
  it('brings back every body as it was sent, small or large, in both codings', async () => {
    for (const c of codings)
      for (const size of [1_500, 20_000, SYNC_CODED_BYTES + 1, 400_000]) {
        const body = json(size);
        const wire = await encodeBody(body, c);
        expect(wire.length).toBeLessThan(body.length);
        expect((await decodeBody(wire, c, 1 << 20)).equals(body)).toBe(true);
      }
  });

  it('decodes whole a small body that inflates past the small bound, within the caller’s limit', async () => {
    for (const c of codings) {
      const body = Buffer.from(`{"pad":"${' '.repeat(1 << 20)}"}`);
      const wire = await encodeBody(body, c);
      expect(wire.length).toBeLessThan(SYNC_CODED_BYTES / 4);
      expect((await decodeBody(wire, c, 2 << 20)).equals(body)).toBe(true);
      for (const limit of [512 << 10, SYNC_CODED_BYTES / 2])
        await expect(decodeBody(wire, c, limit)).rejects.toMatchObject({ problem: 'too_large' });
    }
  });

  it('refuses a small body cut off on the way', async () => {
    for (const c of codings) {
      const wire = await encodeBody(json(5_000), c);
      const cut = decodeBody(wire.subarray(0, wire.length - 10), c, 1 << 20);
      await expect(cut).rejects.toBeInstanceOf(WireDecodeError);
      await expect(cut).rejects.toMatchObject({ problem: 'corrupt' });
    }
  });
});
