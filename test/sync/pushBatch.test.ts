// HQ applies a push of a thousand writes in a handful of multi-row statements (hq/push.ts,
// hq/rowset.ts, hq/history/record.ts). A mixed batch — new rows, two writes to one row, an update that
// wins and one that loses (conflict records), a move, refusals by scope, by rights, by an unknown
// column and by a purge, a clock running ahead (re-stamp) — must give the same answers and leave the
// same store as the same writes pushed one per request, on SQLite and on PostgreSQL; a resent batch
// gets its stored answers, and a gap or a reused number is refused with nothing written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { readCells } from '../../hq/cells.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode, enrol } from '../../hq/auth.js';
import type { Actor } from '../../hq/merge.js';
import { verifyChain } from '../../hq/history/verify.js';
import { applyPush, HQ_NODE } from '../../hq/push.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { Hlc } from '../../shared/sync/hlc.js';
import type { PushAnswerItem, WireWrite } from '../../shared/sync/protocol.js';
import { stamp } from '../hq/hqDevices.js';
import { startPostgres, type RunningPg } from './pg.js';
import { createPgDatabase } from './support.js';

const NOW = Date.UTC(2026, 11, 4, 2, 0);
const A = uuidv7();
const B = uuidv7();
const SCOPE = '/hq/xa/';
const ids = Array.from({ length: 9 }, () => uuidv7());
const [x, y, z, gone, fresh1, fresh2, moved, twice, redemption] = ids as [string, string, string, string, string, string, string, string, string];

async function device(store: HqStore, deviceId: string, userName: string): Promise<Actor> {
  const code = await createEnrolCode(store, { userName, role: 'county_organiser', scopePath: SCOPE });
  await enrol(store, { code, deviceId, appVersion: '0.1.0', schemaVersion: 'test' });
  return { deviceId, userName, role: 'county_organiser', scopePath: SCOPE };
}

const outlet = (s: number, node: string, id: string, ms: number, c: WireWrite['c'], base?: WireWrite['b']): WireWrite => ({
  s, t: 'outlets', r: id, h: stamp(node, ms), p: SCOPE, c, w: { n: node === A ? '甲某（签到者）' : '乙某（共用电脑）', r: 'county_organiser' }, ...(base === undefined ? {} : { b: base }),
});
const full = (name: string, scope = SCOPE): WireWrite['c'] => ({ code: name, name, channel_type: 'rural', county_id: 'xa', scope_path: scope, created_at: 't', updated_at: 't', deleted: 0 });

/** What B holds at HQ before A's batch: three outlets and one deleted and purged. */
function seedWrites(): WireWrite[] {
  return [outlet(1, B, x, NOW - 60_000, full('甲网点')), outlet(2, B, y, NOW - 60_000, full('乙网点')), outlet(3, B, moved, NOW - 60_000, full('迁网点')), outlet(4, B, z, NOW - 30_000, full('丙网点'))];
}

/** A's mixed batch: every kind of answer HQ gives. */
function mixedBatch(): WireWrite[] {
  const bOf = (id: string) => stamp(B, id === z ? NOW - 30_000 : NOW - 60_000);
  return [
    outlet(1, A, fresh1, NOW - 5_000, full('新网点一')), // new
    outlet(2, A, x, NOW - 4_000, { name: '甲网点（改）' }), // wins over B's value, which never saw it: a conflict record
    outlet(3, A, y, NOW - 90_000, { name: '乙网点（旧）' }), // older than B's: superseded, a conflict record for A's loss
    // Three writers in one batch besides the signed-in one: a colleague, the same name in another role, an older app naming none.
    { ...outlet(4, A, z, NOW - 3_000, { name: '丙网点（改）' }, bOf(z)), w: { n: '丙某（代班）', r: 'instructor', u: 'u-3' } }, // built on B's value: applied, no conflict
    outlet(5, A, fresh2, NOW - 2_000, full('越界网点', '/hq/xb/')), // outside A's scope: refused
    { s: 6, t: 'quiz_redemptions', r: redemption, h: stamp(A, NOW - 1_900), p: SCOPE, c: { status: 'approved', scope_path: SCOPE } }, // only HQ decides: refused
    outlet(7, A, x, NOW - 1_800, { address: '新地址', no_such_column: 1 }), // the unknown column refused, the rest applied
    outlet(8, A, gone, NOW - 1_700, { name: '复活' }), // purged at HQ: refused
    outlet(9, A, moved, NOW - 1_600, { scope_path: '/hq/xa/b1/' }), // a move inside A's scope
    { ...outlet(10, A, twice, NOW - 1_500, full('两次')), w: { n: '甲某（签到者）', r: 'instructor' } }, // a new row and, in the same batch, its change
    { ...outlet(11, A, twice, NOW - 1_400, { name: '两次（改）' }, stamp(A, NOW - 1_500)), w: undefined }, // a device names the value it changed
    outlet(12, A, fresh1, NOW + 3_600_000, { name: '新网点一（快钟）' }, stamp(A, NOW - 5_000)), // a clock an hour ahead: re-stamped
  ];
}

/** The store, without what only numbers the order of commits (versions, history links, record ids). */
async function dump(store: HqStore): Promise<Record<string, unknown[]>> {
  const q = async (text: string) => (await sql.raw(text).execute(store.db)).rows as Record<string, unknown>[];
  const rows = (await q(`SELECT tbl, row_id, scope_path, cells, stamps FROM hq_rows WHERE tbl <> 'settings' ORDER BY tbl, row_id`)).map(({ stamps, ...r }) => ({
    ...r, cells: Object.fromEntries(Object.entries(readCells(r.cells as string, stamps as string | null)).map(([c, v]) => [c, [v[0], v[1], v[3]]])),
  }));
  return {
    rows,
    conflicts: await q(`SELECT tbl, row_id, col, scope_path, loser_hlc, loser_value, loser_user, winner_hlc, winner_value, winner_user, deleted FROM hq_conflicts ORDER BY tbl, row_id, col, loser_hlc`),
    cellHistory: await q(`SELECT tbl, row_id, col, hlc, base, value FROM hq_cell_history ORDER BY tbl, row_id, col, hlc`),
    history: await q(`SELECT tbl, row_id, scope_path, op, col, old_value, new_value, writer, device_id, hlc, source FROM hq_history ORDER BY seq`),
    writes: (await q(`SELECT device_id, seq, tbl, row_id, hlc, answer FROM hq_writes ORDER BY device_id, seq`)).map((w) => ({ ...w, seq: Number(w.seq) })),
    restamps: await q(`SELECT device_id, orig_hlc, new_hlc, tbl, row_id FROM hq_restamps ORDER BY orig_hlc`),
    moves: await q(`SELECT tbl, row_id, old_scope, new_scope FROM hq_moves ORDER BY tbl, row_id`),
    devices: (await q(`SELECT device_id, last_seq FROM hq_devices ORDER BY device_id`)).map((d) => ({ ...d, last_seq: Number(d.last_seq) })),
    usage: (await q(`SELECT device_id, rows FROM hq_usage ORDER BY device_id`)).map((u) => ({ ...u, rows: Number(u.rows) })),
  };
}

interface Run {
  answers: PushAnswerItem[];
  resent: PushAnswerItem[];
  store: Record<string, unknown[]>;
  chain: { ok: boolean };
}

/** Seeds B's rows and the purge, then pushes A's batch whole or one write per push, then resends it. */
async function run(target: string, perWrite: boolean): Promise<Run> {
  const store = await openHqStore(target);
  try {
    const clock = new Hlc(HQ_NODE, () => NOW);
    const a = await device(store, A, '甲组织员');
    const b = await device(store, B, '乙组织员');
    await applyPush(store, clock, b, seedWrites(), { numbered: true, now: NOW });
    await sql`INSERT INTO hq_purged (tbl, row_id, version, purged_at) VALUES ('outlets', ${gone}, 1, ${new Date(NOW).toISOString()})`.execute(store.db);
    const batch = mixedBatch();
    const answers: PushAnswerItem[] = [];
    if (perWrite) for (const w of batch) answers.push(...(await applyPush(store, clock, a, [w], { numbered: true, now: NOW })));
    else answers.push(...(await applyPush(store, clock, a, batch, { numbered: true, now: NOW })));
    const resent = await applyPush(store, clock, a, batch, { numbered: true, now: NOW });
    const chain = await verifyChain(store);
    return { answers, resent, store: await dump(store), chain: { ok: chain.broken === null && chain.checked > 0 } };
  } finally {
    await store.close();
  }
}

const refusal = async (target: string, writes: WireWrite[]) => {
  const store = await openHqStore(target);
  try {
    const a = await device(store, A, '甲组织员');
    await applyPush(store, new Hlc(HQ_NODE, () => NOW), a, [outlet(1, A, fresh1, NOW - 1_000, full('一'))], { numbered: true, now: NOW });
    const before = await dump(store);
    const err = await applyPush(store, new Hlc(HQ_NODE, () => NOW), a, writes, { numbered: true, now: NOW }).catch((e: unknown) => e as { code?: string; status?: number });
    return { err, same: JSON.stringify(await dump(store)) === JSON.stringify(before) };
  } finally {
    await store.close();
  }
};

let pg: RunningPg;
const dirs: string[] = [];
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(async () => {
  await pg?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sqliteFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'rc-pushbatch-'));
  dirs.push(d);
  return join(d, 'hq.sqlite');
};

describe.each([
  ['SQLite', async () => sqliteFile()],
  ['PostgreSQL', async () => createPgDatabase(pg.url)],
] as const)('a mixed push on %s', (_label, target) => {
  it('answers and stores exactly as the same writes pushed one by one', async () => {
    const whole = await run(await target(), false);
    const single = await run(await target(), true);

    // What the device is told, write by write (recorded expectations, so both paths cannot be wrong alike).
    const codes = whole.answers.map((a) => a.reason?.code ?? null);
    expect(codes).toEqual([null, null, null, null, 'scope', 'role', 'unknown_column', 'purged', null, null, null, 'restamped']);
    expect(whole.answers.map((a) => Object.values(a.res).join(''))).toEqual(['aaaaaaaa', 'a', 's', 'a', 'rrrrrrrr', 'rr', 'ar', 'r', 'a', 'aaaaaaaa', 'a', 'a']);
    expect(whole.answers[11]!.h).toMatch(new RegExp(`${A}$`));
    expect(whole.answers[7]!.gone).toBe(true);

    expect(whole.answers).toEqual(single.answers);
    expect(whole.resent).toEqual(whole.answers.map((a) => ({ ...a })));
    expect(single.resent).toEqual(whole.resent);
    expect(whole.store).toEqual(single.store);
    expect(whole.chain.ok && single.chain.ok).toBe(true);

    // And the store says what the answers say.
    const names = Object.fromEntries((whole.store.rows as { row_id: string; cells: Record<string, [unknown]> }[]).map((r) => [r.row_id, r.cells.name?.[0]]));
    expect(names[x]).toBe('甲网点（改）');
    expect(names[y]).toBe('乙网点');
    expect(names[twice]).toBe('两次（改）');
    expect(names[fresh1]).toBe('新网点一（快钟）');
    expect(names[fresh2]).toBeUndefined();
    expect(names[gone]).toBeUndefined();
    expect((whole.store.rows as { row_id: string; scope_path: string }[]).find((r) => r.row_id === moved)?.scope_path).toBe('/hq/xa/b1/');
    const conflicts = whole.store.conflicts as { row_id: string; deleted: unknown; loser_user: string; winner_user: string }[];
    expect(conflicts.filter((c) => Number(c.deleted) === 0).map((c) => [ids.indexOf(c.row_id), c.loser_user, c.winner_user]).sort()).toEqual(
      // x, y, and the move (made without naming B's value); named by who signed in, B's side found in HQ's history
      [[0, '乙某（共用电脑）', '甲某（签到者）'], [1, '甲某（签到者）', '乙某（共用电脑）'], [6, '乙某（共用电脑）', '甲某（签到者）']].sort(),
    );
    // Writes applied whole are stored as 'a' (the re-sent batch above got their full answers back); the others in full.
    const stored = (whole.store.writes as { device_id: string; answer: string }[]).filter((w) => w.device_id === A).map((w) => w.answer);
    expect(stored.map((t) => (t === 'a' ? 'a' : (JSON.parse(t) as { reason?: { code: string } }).reason?.code ?? 'full'))).toEqual(
      ['a', 'a', 'full', 'a', 'scope', 'role', 'unknown_column', 'purged', 'a', 'a', 'a', 'restamped']);
    // Each history entry names the writer of its own write, whoever wrote the others of the batch.
    const writers = (whole.store.history as { row_id: string; op: string; col: string; writer: string | null; device_id: string }[])
      .filter((h) => h.device_id === A && [z, twice, fresh1].includes(h.row_id))
      .map((h) => [ids.indexOf(h.row_id), h.op, h.col, h.writer === null ? null : (JSON.parse(h.writer) as object)]);
    expect(writers).toEqual([
      [4, 'insert', '', { n: '甲某（签到者）', r: 'county_organiser' }],
      [2, 'update', 'name', { n: '丙某（代班）', r: 'instructor', u: 'u-3' }],
      [7, 'insert', '', { n: '甲某（签到者）', r: 'instructor' }],
      [7, 'update', 'name', null],
      [4, 'update', 'name', { n: '甲某（签到者）', r: 'county_organiser' }],
    ]);
    expect(whole.store.restamps).toHaveLength(1);
    expect(whole.store.moves).toHaveLength(1);
    expect(whole.store.devices).toEqual(expect.arrayContaining([{ device_id: A, last_seq: 12 }]));
    expect(whole.store.usage).toEqual(expect.arrayContaining([{ device_id: A, rows: 12 }]));
  }, 120_000);

  it("keeps the users' names on conflict records that follow a moved row", async () => {
    const store = await openHqStore(await target());
    try {
      const clock = new Hlc(HQ_NODE, () => NOW);
      const a = await device(store, A, '甲组织员');
      const b = await device(store, B, '乙组织员');
      const unsigned = (w: WireWrite): WireWrite => ({ ...w, w: undefined }); // an older app names no writer
      await applyPush(store, clock, b, [unsigned(outlet(1, B, x, NOW - 9_000, full('原名')))], { numbered: true, now: NOW });
      await applyPush(store, clock, a, [unsigned(outlet(1, A, x, NOW - 8_000, { name: '并发改名' }))], { numbered: true, now: NOW });
      const users = async () => (await sql<{ loser_user: string; winner_user: string; scope_path: string }>`SELECT loser_user, winner_user, scope_path FROM hq_conflicts`.execute(store.db)).rows;
      expect(await users()).toEqual([{ loser_user: '乙组织员', winner_user: '甲组织员', scope_path: SCOPE }]);
      await applyPush(store, clock, a, [unsigned(outlet(2, A, x, NOW - 7_000, { scope_path: '/hq/xa/b2/' }, stamp(B, NOW - 9_000)))], { numbered: true, now: NOW });
      expect(await users()).toEqual([{ loser_user: '乙组织员', winner_user: '甲组织员', scope_path: '/hq/xa/b2/' }]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses a gap and a reused number, writing nothing', async () => {
    const gap = await refusal(await target(), [outlet(3, A, fresh2, NOW - 500, full('二'))]);
    expect(gap.err).toMatchObject({ code: 'gap', status: 409 });
    expect(gap.same).toBe(true);
    const reused = await refusal(await target(), [outlet(1, A, fresh2, NOW - 500, full('二')), outlet(2, A, fresh2, NOW - 400, { name: '三' })]);
    expect(reused.err).toMatchObject({ code: 'seq_reused', status: 409 });
    expect(reused.same).toBe(true);
  }, 60_000);
});
