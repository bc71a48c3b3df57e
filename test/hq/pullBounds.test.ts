// A pull answer is bounded in bytes as well as rows: a scope of large rows comes in several
// chunks, none much over the limit, and all of it arrives.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientFor } from '../../db/sync/session.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { LIMITS, pullAnswer } from '../../shared/sync/protocol.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

let hq: TestHq;
let a: TestDevice;
let b: TestDevice;
beforeAll(async () => {
  hq = await startTestHq();
  a = await enrolledDevice(hq, { user: '甲', role: 'county_organiser', scope: '/hq/m/' });
  b = await enrolledDevice(hq, { user: '乙', role: 'county_organiser', scope: '/hq/m/' });
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await hq?.close();
});

it('cuts a pull of large rows into chunks of about the byte limit', async () => {
  const address = '江西省赣州市于都县贡江镇长征大道'.repeat(60); // ~960 characters, 3 bytes each in UTF-8
  const ins = a.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, address, scope_path, created_at, updated_at) VALUES (?, ?, '红色驿站', 'rural', 'c', ?, '/hq/m/', 't', 't')`);
  const n = 1500;
  for (let i = 0; i < n; i++) ins.run(uuidv7(), `L${i}`, `${address}${i}`);
  await a.sync({ pushBatch: 500 });

  const c = clientFor(b.dev);
  const sizes: number[] = [];
  const ids = new Set<string>();
  for (let cursor = 0; ;) {
    const chunk = await c.post('/v1/pull', { cursor, since: 0 }, pullAnswer);
    sizes.push(JSON.stringify(chunk.rows).length);
    for (const r of chunk.rows) ids.add(r.id);
    cursor = chunk.cursor;
    if (!chunk.more) break;
  }
  expect(ids.size).toBe(n);
  expect(sizes.length).toBeGreaterThanOrEqual(2);
  const oneRow = JSON.stringify({ address }).length + 400;
  for (const s of sizes) expect(s).toBeLessThanOrEqual(LIMITS.pullBytes + oneRow);
  // Not cut needlessly short either: every chunk but the last is close to the limit.
  for (const s of sizes.slice(0, -1)) expect(s).toBeGreaterThan(LIMITS.pullBytes * 0.9);
});
