// A device whose clock runs a few minutes fast (inside HQ's 15-minute request window, so nothing
// refuses it) must not win over edits made after it in real time: HQ re-stamps a stamp further
// ahead than `sync.clockToleranceSeconds` (reference data, 5 s by default) with its own time. The
// write is kept, not refused, and the device that made it is told so in its sync records.
import { sql } from 'kysely';
import { heldCells } from '../hq/heldCells.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/core/ids.js';
import { hlcMs } from '../../shared/sync/hlc.js';
import { syncState } from '../../db/sync/state.js';
import { listRejections, syncStatus } from '../../db/sync/records.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from './support.js';

let hq: TestHq;
beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  await hq?.close();
});

const skew = (d: TestDevice, ms: number) => {
  syncState(d.store.raw)!.physicalNow = () => Date.now() + ms;
};
const rename = (d: TestDevice, id: string, name: string) => d.store.raw.prepare('UPDATE outlets SET name = ? WHERE id = ?').run(name, id);
const nameOn = (d: TestDevice, id: string) => (d.store.raw.prepare('SELECT name FROM outlets WHERE id = ?').get(id) as { name: string }).name;

it('a clock three minutes fast does not beat a later honest edit; its write is kept and the device told', async () => {
  const who = (user: string) => ({ user, role: 'county_organiser' as const, scope: '/hq/f/' });
  const fast = await enrolledDevice(hq, who('快三分钟'));
  const honest = await enrolledDevice(hq, who('时间准确'));
  try {
    const id = uuidv7();
    honest.store.raw
      .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'F1', '原名', 'rural', 'c', '/hq/f/', 'x', 'x')`)
      .run(id);
    await honest.sync();
    await fast.sync();

    skew(fast, 3 * 60_000); // its clock jumps ahead after the last sync: it does not know yet
    rename(fast, id, '快钟改的名');
    const r = await fast.sync();
    expect(r.pushed.applied).toBeGreaterThan(0);
    expect(r.pushed.restamped).toBe(1);
    const cells = await heldCells(hq.store.db, null, id);
    expect(cells.name![0]).toBe('快钟改的名'); // kept
    expect(hlcMs(cells.name![1])).toBeLessThanOrEqual(Date.now()); // under HQ's time

    // Seconds later in real time (well inside the fast clock's three-minute lead), an honest edit: it
    // wins everywhere. Its clock is put those seconds ahead rather than waited for: a loaded machine
    // answers slowly, and the time a device learns from HQ may lag by that much.
    skew(honest, 4_000);
    rename(honest, id, '后来改的名');
    await honest.sync();
    await fast.sync();
    expect(nameOn(fast, id)).toBe('后来改的名');
    expect(nameOn(honest, id)).toBe('后来改的名');

    // The fast device's records say what happened, in both languages.
    const note = fast.store.raw.prepare(`SELECT code, reason_zh, reason_en FROM sync_rejections WHERE code = 'restamped'`).get() as { reason_zh: string; reason_en: string };
    expect(note.reason_zh).toMatch(/本机时钟比总部快约 1[78]\d 秒：此修改已保存，但按总部时间记录/);
    expect(note.reason_en).toContain('stamped with HQ');
    // The write was kept: the 同步 screen does not count it as a refusal waiting for the user; it is read under "all".
    expect(syncStatus(fast.dev.raw, fast.dev.session, undefined).openRejections).toBe(0);
    expect((await listRejections(fast.store.db, fast.dev.raw, { include: 'open', limit: 20, offset: 0 })).total).toBe(0);
    expect((await listRejections(fast.store.db, fast.dev.raw, { include: 'all', limit: 20, offset: 0 })).rows.map((x) => x.code)).toEqual(['restamped']);
    const log = await sql<{ detail: string }>`SELECT detail FROM hq_log WHERE kind = 'restamp'`.execute(hq.store.db);
    expect(JSON.parse(log.rows[0]!.detail).aheadMs).toBeGreaterThan(170_000);
  } finally {
    await fast.cleanup();
    await honest.cleanup();
  }
}, 60_000);

it('the tolerance is reference data: HQ set to 5 minutes takes a 3-minute lead as it comes', async () => {
  const { putSetting } = await import('../../hq/admin.js');
  await putSetting(hq.store, 'sync.clockToleranceSeconds', 300, '/hq/g/');
  const d = await enrolledDevice(hq, { user: '宽容县', role: 'county_organiser', scope: '/hq/g/' });
  try {
    await d.sync();
    skew(d, 3 * 60_000);
    d.store.raw
      .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'G1', '名', 'rural', 'c', '/hq/g/', 'x', 'x')`)
      .run(uuidv7());
    expect((await d.sync()).pushed.restamped).toBe(0);
  } finally {
    await d.cleanup();
  }
}, 60_000);
