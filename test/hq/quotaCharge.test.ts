// The daily quota's charge (hq/quota.ts) is one statement on both engines: what fits is added, and
// a refusal leaves the day's count as it was, inside a push's transaction or outside one (a blob
// upload charges without one).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { todayInBeijing } from '../../shared/core/dates.js';
import { charge } from '../../hq/quota.js';
import { applyPush } from '../../hq/push.js';
import { Hlc } from '../../shared/sync/hlc.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { bothEngines, type Engine } from './bothEngines.js';
import { countyDevice, outletWrite } from './lockQueue.js';

const stores = bothEngines('rc-quota-');

const quota = { rowsPerDay: 10, bytesPerDay: 1000 };
const now = Date.parse('2026-12-04T10:00:00Z');

describe.each<Engine>(['sqlite', 'pg'])('charging the day’s quota on %s', (engine) => {
  const used = async (device: string) =>
    (await sql<{ rows: number | string; bytes: number | string }>`SELECT rows, bytes FROM hq_usage WHERE device_id = ${device} AND day = ${todayInBeijing(new Date(now))}`.execute(stores[engine].db)).rows.map((r) => [Number(r.rows), Number(r.bytes)]);

  it('adds what fits and refuses what would pass it, writing nothing', async () => {
    const db = stores[engine].db;
    await charge(db, 'dev-a', quota, { rows: 6, bytes: 300 }, now);
    await charge(db, 'dev-a', quota, { rows: 4, bytes: 300 }, now); // exactly the quota: still taken
    expect(await used('dev-a')).toEqual([[10, 600]]);
    await expect(charge(db, 'dev-a', quota, { rows: 1, bytes: 1 }, now)).rejects.toMatchObject({ status: 429, code: 'quota_exceeded' });
    await expect(charge(db, 'dev-a', quota, { rows: 0, bytes: 401 }, now)).rejects.toMatchObject({ status: 429 });
    expect(await used('dev-a')).toEqual([[10, 600]]);
  });

  it('refuses a first charge larger than the quota without starting the day’s count', async () => {
    const db = stores[engine].db;
    await expect(charge(db, 'dev-b', quota, { rows: 11, bytes: 1 }, now)).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect(await used('dev-b')).toEqual([]);
  });

  it('inside a transaction, a refusal leaves the transaction usable and the count unchanged', async () => {
    const db = stores[engine].db;
    await charge(db, 'dev-c', quota, { rows: 9, bytes: 1 }, now);
    await expect(db.transaction().execute(async (trx) => charge(trx, 'dev-c', quota, { rows: 2, bytes: 1 }, now))).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect(await used('dev-c')).toEqual([[9, 1]]);
  });

  it('charges a push of new writes its request’s length, and one re-sending writes only the new ones', async () => {
    const store = stores[engine];
    const d = await countyDevice(store, `限额-${engine}`);
    const day = async () => (await sql<{ rows: number | string; bytes: number | string }>`SELECT rows, bytes FROM hq_usage WHERE device_id = ${d.deviceId}`.execute(store.db)).rows.map((r) => [Number(r.rows), Number(r.bytes)]);
    const first = [outletWrite(d, 1, uuidv7(), '一', now), outletWrite(d, 2, uuidv7(), '二', now)];
    await applyPush(store, new Hlc('hq'), d, first, { numbered: true, now, sentLength: 1234 });
    expect(await day()).toEqual([[2, 1234]]);
    // The first two again (their answer was lost) with a new one: a request padded to look long costs
    // no more than the new write's own JSON, and a short one no less.
    const third = outletWrite(d, 3, uuidv7(), '三', now);
    await applyPush(store, new Hlc('hq'), d, [...first, third], { numbered: true, now, sentLength: 9_000_000 });
    expect(await day()).toEqual([[3, 1234 + JSON.stringify([third]).length]]);
    const fourth = outletWrite(d, 4, uuidv7(), '四', now);
    await applyPush(store, new Hlc('hq'), d, [third, fourth], { numbered: true, now, sentLength: 10 });
    expect(await day()).toEqual([[4, 1234 + JSON.stringify([third]).length + JSON.stringify([fourth]).length]]);
  });
});
