// Clock safety (property 6), shared by the SQLite and PostgreSQL suites: devices whose clocks are
// 30 days off still sync; a change stamped a month ahead is re-stamped with HQ's time and logged,
// so a later edit elsewhere still wins; a device 30 days behind still has its later edits win.
import { expect } from 'vitest';
import { sql } from 'kysely';
import { heldCells } from '../hq/heldCells.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { hlcMs } from '../../shared/sync/hlc.js';
import { syncState } from '../../db/sync/state.js';
import { enrolledDevice, snapshot, type TestDevice, type TestHq } from './support.js';

const DAY = 86_400_000;

function skew(d: TestDevice, ms: number) {
  syncState(d.store.raw)!.physicalNow = () => Date.now() + ms;
}

function insertOutlet(d: TestDevice, id: string) {
  d.store.raw
    .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'K1', '原名', 'rural', 'c', '/hq/k/', 'x', 'x')`)
    .run(id);
}

const rename = (d: TestDevice, id: string, name: string) => d.store.raw.prepare('UPDATE outlets SET name = ? WHERE id = ?').run(name, id);
const nameOn = (d: TestDevice, id: string) => (d.store.raw.prepare('SELECT name FROM outlets WHERE id = ?').get(id) as { name: string }).name;

export async function clockSkewScenario(hq: TestHq): Promise<void> {
  const who = (user: string) => ({ user, role: 'county_organiser' as const, scope: '/hq/k/' });
  const ahead = await enrolledDevice(hq, who('快钟'));
  const behind = await enrolledDevice(hq, who('慢钟'));
  const normal = await enrolledDevice(hq, who('准钟'));
  try {
    const id = uuidv7();
    insertOutlet(normal, id);
    await normal.sync();
    await ahead.sync();
    await behind.sync();

    // The clocks jump after enrolment: the devices do not know yet.
    skew(ahead, 30 * DAY);
    skew(behind, -30 * DAY);
    rename(ahead, id, '快钟改'); // stamped a month ahead
    const stamped = (ahead.store.raw.prepare('SELECT hlc FROM sync_outbox ORDER BY seq DESC LIMIT 1').get() as { hlc: string }).hlc;
    expect(hlcMs(stamped)).toBeGreaterThan(Date.now() + 29 * DAY);
    const r = await ahead.sync(); // refused as stale, learns HQ's time, retries, is re-stamped
    expect(r.pushed.restamped).toBe(1);
    const log = await sql<{ kind: string }>`SELECT kind FROM hq_log WHERE kind = 'restamp'`.execute(hq.store.db);
    expect(log.rows.length).toBeGreaterThan(0);
    const cells = await heldCells(hq.store.db, null, id);
    expect(hlcMs(cells.name![1])).toBeLessThan(Date.now() + 60_000); // HQ holds HQ's time, not the device's

    // A later edit on a device with a good clock wins over the month-ahead one.
    await normal.sync();
    rename(normal, id, '准钟改');
    await normal.sync();
    await ahead.sync();
    await behind.sync();
    expect(nameOn(ahead, id)).toBe('准钟改');

    // The device a month behind still syncs, and its later edit wins too.
    rename(behind, id, '慢钟改');
    await behind.sync();
    for (const d of [normal, ahead, behind]) await d.sync();
    for (const d of [normal, ahead, behind]) expect(nameOn(d, id)).toBe('慢钟改');
    // The month-ahead device's own clock has learnt HQ's time: its new edits are not re-stamped.
    rename(ahead, id, '快钟再改');
    const again = await ahead.sync();
    expect(again.pushed.restamped).toBe(0);
    for (const d of [normal, behind, ahead]) await d.sync();
    const tables = ['outlets'];
    expect(snapshot(behind.store.raw, tables)).toEqual(snapshot(normal.store.raw, tables));
    expect(snapshot(ahead.store.raw, tables)).toEqual(snapshot(normal.store.raw, tables));
    expect(nameOn(normal, id)).toBe('快钟再改');
  } finally {
    for (const d of [ahead, behind, normal]) await d.cleanup();
  }
}
