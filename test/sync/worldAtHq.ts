// What the wire tests start from: an HQ, and a branch world written by the province's administrator
// and synced to it. Started before the file's tests and stopped after them; read its fields inside tests.
import { afterAll, beforeAll } from 'vitest';
import { buildWorld, type World } from '../orglife/world.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

export interface WorldAtHq {
  hq: TestHq;
  admin: TestDevice;
  w: World;
}

export function worldAtHq(): WorldAtHq {
  const at = {} as WorldAtHq;
  beforeAll(async () => {
    at.hq = await startTestHq();
    at.admin = await enrolledDevice(at.hq, { user: '省管理员', role: 'hq_admin', scope: '/' });
    at.w = await buildWorld(at.admin.context());
    await at.admin.sync();
  }, 60_000);
  afterAll(async () => {
    await at.admin?.cleanup();
    await at.hq?.close();
  });
  return at;
}
