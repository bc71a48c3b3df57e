// HQ reads its settings once per version of them (hq/settings.ts, the version taken with the device
// at authentication): a setting written through one HQ process applies at the very next request to
// another process on the same database, raised or lowered, on both engines.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqClient } from '../../db/sync/client.js';
import { putSetting } from '../../hq/admin.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { enrolAnswer, helloAnswer, PROTOCOL_VERSION } from '../../shared/sync/protocol.js';
import { startPostgres, type RunningPg } from '../sync/pg.js';
import { startTestHq, type TestHq } from '../sync/support.js';

let pg: RunningPg;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(async () => {
  await pg?.stop();
});

describe.each(['sqlite', 'pg'])('settings written through another HQ process (%s)', (engine) => {
  let a: TestHq;
  let bStore: HqStore;
  let b: Awaited<ReturnType<typeof startHq>>;
  let device: HqClient;

  beforeAll(async () => {
    a = await startTestHq(engine === 'pg' ? pg.url : undefined);
    bStore = await openHqStore(a.target);
    b = await startHq({ store: bStore });
    const id = randomUUID();
    const code = await a.code('两进程', 'county_organiser', '/hq/s/');
    const e = await new HqClient({ url: a.url, hqNow: Date.now }).post('/v1/enrol', { code, deviceId: id, appVersion: '0.1.0', schemaVersion: '2026_12_04_a' }, enrolAnswer);
    device = new HqClient({ url: b.url, creds: { deviceId: id, secret: e.secret }, hqNow: Date.now });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await bStore?.close();
    await a?.close();
  });

  const hello = () => device.post('/v1/hello', { appVersion: '0.1.0', schemaVersion: '2026_12_04_a', cursor: 0, protocol: PROTOCOL_VERSION }, helloAnswer);

  it('applies a raised minimum at the next request, and a lowered one too', async () => {
    await expect(hello()).resolves.toMatchObject({ scopePath: '/hq/s/' });
    await expect(hello()).resolves.toMatchObject({ scopePath: '/hq/s/' }); // read once for this version, then held

    await putSetting(a.store, 'sync.minSchema', '2026_12_05_a');
    await expect(hello()).rejects.toMatchObject({ status: 426, code: 'too_old' });

    await putSetting(a.store, 'sync.minSchema', '2026_12_04_a', '/hq/s/'); // the county's own setting: nearest wins
    await expect(hello()).resolves.toMatchObject({ scopePath: '/hq/s/' });

    await putSetting(a.store, 'sync.minSchema', '2026_12_06_a', '/hq/s/');
    await expect(hello()).rejects.toMatchObject({ status: 426 });
  });
});
