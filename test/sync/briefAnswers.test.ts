// Brief push answers (shared/sync/protocol.ts, pushWireAnswerItem): a device that says it takes them
// gets a write applied whole answered with its number alone, and every other write in full; a device
// that does not say so (an older one) gets every answer in full. Either way the device ends the same.
import { expect, it } from 'vitest';
import { clientFor, hello, pushSome } from '../../db/sync/session.js';
import { historyDb } from '../../hq/history/table.js';
import type { FetchLike } from '../../db/sync/client.js';
import { HEADERS, pushAnswer, type WireWrite } from '../../shared/sync/protocol.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { buildOutlet } from '../support/builders.js';
import { deviceStamp, scopeOf } from './forge.js';
import { enrolledDevice, type TestDevice } from './support.js';
import { worldAtHq } from './worldAtHq.js';

const world = worldAtHq();

/** A device of the version before: the same requests, without saying it takes brief answers. */
const olderDevice: FetchLike = async (url, init) => {
  const headers = { ...init.headers };
  delete headers[HEADERS.accepts];
  const res = await fetch(url, { ...init, headers });
  return { status: res.status, text: () => res.text() };
};

async function pushThree(d: TestDevice, fetchLike?: FetchLike) {
  const c = clientFor(d.dev, fetchLike ? { fetch: fetchLike } : {});
  const { lastSeq } = await hello(d.dev, c);
  const at = new Date().toISOString();
  const person = world.w.full[0]!.id;
  const writes: WireWrite[] = [
    { s: lastSeq + 1, t: 'outlets', r: uuidv7(), h: deviceStamp(d), p: world.w.county.path, c: { code: `B${lastSeq}`, name: '简答网点', channel_type: 'own_store', scope_path: world.w.county.path, created_at: at, updated_at: at } },
    { s: lastSeq + 2, t: 'people', r: person, h: deviceStamp(d, Date.now(), 1), p: scopeOf(d, 'people', person), c: { notes: `备注${lastSeq}`, secret_note: '不该存' } },
    // Stamped an hour ago: HQ holds a newer name for this outlet, so the write is superseded.
    { s: lastSeq + 3, t: 'outlets', r: world.w.outlet.id, h: deviceStamp(d, Date.now() - 3_600_000), p: scopeOf(d, 'outlets', world.w.outlet.id), c: { name: '旧名称' } },
  ];
  const text = await c.postText('/v1/push', { writes });
  return { writes, text, answer: pushAnswer.parse(JSON.parse(text)) };
}

it('answers a write applied whole with its number alone, and in full whatever else has something to say', async () => {
  const a = await enrolledDevice(world.hq, { user: '甲组织员', role: 'county_organiser', scope: world.w.county.path });
  try {
    await a.sync();
    const { writes, text, answer } = await pushThree(a);
    expect(answer.answers[0]).toEqual({ s: writes[0]!.s });
    expect(answer.answers[1]).toMatchObject({ s: writes[1]!.s, res: { notes: 'a', secret_note: 'r' }, reason: { code: 'unknown_column' } });
    expect(answer.answers[2]).toMatchObject({ s: writes[2]!.s, res: { name: 's' } });
    expect(text).not.toContain('"channel_type":"a"');

    // The same three from a device of the version before: every answer in full, the same results.
    const old = await pushThree(a, olderDevice);
    expect(old.answer.answers[0]).toEqual({ s: old.writes[0]!.s, res: Object.fromEntries(Object.keys(old.writes[0]!.c).map((col) => [col, 'a'])) });
    expect(old.answer.answers[1]).toMatchObject({ res: { notes: 'a', secret_note: 'r' }, reason: { code: 'unknown_column' } });
    expect(old.answer.answers[2]).toMatchObject({ res: { name: 's' } });
  } finally {
    await a.cleanup();
  }
}, 60_000);

it('a device answered briefly acknowledges and counts exactly as one answered in full', async () => {
  const brief = await enrolledDevice(world.hq, { user: '乙组织员', role: 'county_organiser', scope: world.w.county.path });
  const full = await enrolledDevice(world.hq, { user: '丙组织员', role: 'county_organiser', scope: world.w.county.path });
  try {
    const sums = [];
    for (const [d, fetchLike] of [[brief, undefined], [full, olderDevice]] as const) {
      await d.sync();
      for (let i = 0; i < 3; i++) await buildOutlet(d.context(), world.w.county.id, { name: `${d.session.userName}网点${i}` });
      const s = await pushSome(d.dev, clientFor(d.dev, fetchLike ? { fetch: fetchLike } : {}));
      expect(d.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get()).toEqual({ n: 0 });
      sums.push(s);
    }
    expect(sums[0]!.applied).toBeGreaterThan(3 * 5);
    expect(sums[0]).toEqual(sums[1]);
    // Each device's new rows keep one clock for the whole row and none per cell, as rows accepted whole do.
    for (const d of [brief, full]) {
      const mine = `SELECT id FROM outlets WHERE name LIKE '${d.session.userName}网点%'`;
      expect(d.store.raw.prepare(`SELECT count(*) AS n FROM sync_row_clock WHERE tbl = 'outlets' AND row_id IN (${mine})`).get()).toEqual({ n: 3 });
      expect(d.store.raw.prepare(`SELECT count(*) AS n FROM sync_cell_clock WHERE tbl = 'outlets' AND row_id IN (${mine})`).get()).toEqual({ n: 0 });
    }
  } finally {
    await brief.cleanup();
    await full.cleanup();
  }
}, 60_000);

it('a new row written again in the same push: both writes answered briefly, its history created then changed', async () => {
  const d = await enrolledDevice(world.hq, { user: '丁组织员', role: 'county_organiser', scope: world.w.county.path });
  try {
    await d.sync();
    const c = clientFor(d.dev);
    const { lastSeq } = await hello(d.dev, c);
    const at = new Date().toISOString();
    const id = uuidv7();
    const created = { code: `D${lastSeq}`, name: '先建网点', channel_type: 'own_store', scope_path: world.w.county.path, created_at: at, updated_at: at };
    const writes: WireWrite[] = [
      { s: lastSeq + 1, t: 'outlets', r: id, h: deviceStamp(d), p: world.w.county.path, c: created },
      { s: lastSeq + 2, t: 'outlets', r: id, h: deviceStamp(d, Date.now(), 1), p: world.w.county.path, c: { name: '后改网点', address: '新街1号' } },
    ];
    const answer = pushAnswer.parse(JSON.parse(await c.postText('/v1/push', { writes })));
    expect(answer.answers).toEqual([{ s: lastSeq + 1 }, { s: lastSeq + 2 }]);
    const history = await historyDb(world.hq.store.db).selectFrom('hq_history').select(['op', 'col', 'old_value', 'new_value']).where('row_id', '=', id).orderBy('seq').execute();
    expect(history).toEqual([
      { op: 'insert', col: '', old_value: null, new_value: JSON.stringify(created) },
      { op: 'update', col: 'name', old_value: '"先建网点"', new_value: '"后改网点"' },
      { op: 'update', col: 'address', old_value: null, new_value: '"新街1号"' },
    ]);
  } finally {
    await d.cleanup();
  }
}, 60_000);
