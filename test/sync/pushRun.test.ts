// The device's side of a push of many batches (db/sync/outbox.ts, db/sync/outboxRows.ts): the later
// waiting writes of a batch's rows are found from a row index read once per run, including writes
// made while the run goes on; bases come from the held stamps read per batch; acknowledgements and
// the markers they leave are settled per batch. Each is checked against what the store holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyAnswers, nextBatch } from '../../db/sync/outbox.js';
import { OutboxRows } from '../../db/sync/outboxRows.js';
import { Local } from '../../db/sync/local.js';
import { suppressCapture } from '../../db/sync/capture.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import type { PushWireAnswerItem } from '../../shared/sync/protocol.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
const insert = (p: P, id = uuidv7(), name = '甲') => {
  p.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'A', ?, 'rural', 'c', '/hq/', 't', 't')`).run(id, name);
  return id;
};
const rename = (p: P, id: string, name: string) => p.store.raw.prepare(`UPDATE outlets SET name = ? WHERE id = ?`).run(name, id);
const outbox = (p: P) => p.store.raw.prepare(`SELECT seq, tbl FROM sync_outbox ORDER BY seq`).all() as { seq: number; tbl: string }[];
const applied = (cols: Record<string, unknown>) => Object.fromEntries(Object.keys(cols).map((c) => [c, 'a' as const]));
const stampOf = (ms: number) => encodeHlc({ ms, counter: 0, node: 'hq-test-device' });

describe('a push run of many batches, on the device', () => {
  let p: P;
  beforeEach(async () => {
    p = await tempProfile();
  });
  afterEach(async () => p.cleanup());

  it('finds the same later writes as a scan of the outbox, including writes made during the run', () => {
    const local = Local.of(p.store.raw);
    const ids = Array.from({ length: 6 }, () => insert(p));
    rename(p, ids[0]!, '甲二');
    rename(p, ids[3]!, '丁二');
    const rows = new OutboxRows(local);
    const all = local.pending();
    const ask = (which: string[]) => which.map((id) => ({ tbl: 'outlets', rowId: id }));
    for (const after of [0, all[2]!.seq, all[5]!.seq]) {
      const scanned = local.pendingForRows(after, ask(ids));
      expect(scanned.length).toBeGreaterThan(0);
      expect(rows.pendingForRows(after, ask(ids))).toEqual(scanned);
    }
    // Written after the index was read: found too.
    rename(p, ids[1]!, '乙二');
    const late = rows.pendingForRows(all[5]!.seq, ask([ids[1]!]));
    expect(late.map((w) => w.cols)).toEqual([{ name: '乙二' }]);
    expect(late).toEqual(local.pendingForRows(all[5]!.seq, ask([ids[1]!])));
    // Acknowledged meanwhile: gone from the answer as from the outbox.
    local.ack([all[6]!.seq]);
    expect(rows.pendingForRows(all[5]!.seq, ask(ids))).toEqual(local.pendingForRows(all[5]!.seq, ask(ids)));
  });

  it('answers from a scan when the outbox was renumbered during the run', () => {
    const local = Local.of(p.store.raw);
    const a = insert(p);
    const b = insert(p);
    rename(p, b, '乙二');
    const rows = new OutboxRows(local);
    expect(rows.pendingForRows(0, [{ tbl: 'outlets', rowId: a }])).toHaveLength(1);
    // Re-enrolling keeps waiting writes by renumbering them (db/sync/enrolKeep.ts): here a's write takes
    // b's first number and b's first write goes, so the numbers the index holds now name other rows.
    const [sa, sb] = local.pending().map((w) => w.seq);
    p.store.raw.prepare(`DELETE FROM sync_outbox WHERE seq = ?`).run(sb);
    p.store.raw.prepare(`UPDATE sync_outbox SET seq = ? WHERE seq = ?`).run(sb, sa);
    const ask = [{ tbl: 'outlets', rowId: b }];
    expect(rows.pendingForRows(0, ask)).toEqual(local.pendingForRows(0, ask));
    expect(rows.pendingForRows(0, ask).map((w) => w.cols)).toEqual([{ name: '乙二' }]);
  });

  it('bases each column on the batch\'s earlier write of it, else on the stamp the store holds', () => {
    const local = Local.of(p.store.raw);
    const synced = insert(p);
    const fresh = insert(p);
    const held = stampOf(Date.UTC(2026, 10, 1));
    const cell = stampOf(Date.UTC(2026, 10, 2));
    suppressCapture(p.store.raw, () => {
      local.setRowClock('outlets', synced, held);
      local.setCellClock('outlets', synced, 'code', cell);
    });
    p.store.raw.prepare(`DELETE FROM sync_outbox WHERE row_id = ?`).run(synced); // it came through sync
    p.store.raw.prepare(`UPDATE outlets SET name = '改', code = 'B' WHERE id = ?`).run(synced);
    rename(p, fresh, '新二');
    const { writes } = nextBatch(p.store.raw, 100);
    const [first, second, third] = writes;
    expect(first!.r).toBe(fresh);
    expect(first!.b).toBeUndefined(); // new to sync: nothing to build on
    expect(second!.r).toBe(synced);
    expect(second!.b).toEqual({ name: held, code: cell });
    expect(third!.r).toBe(fresh);
    expect(third!.b).toBe(first!.h); // written over the batch's first write of the row
  });

  it('acknowledges a batch whole, keeps one marker at the top, and leaves a later write of a batch\'s row waiting', () => {
    const local = Local.of(p.store.raw);
    const ids = Array.from({ length: 4 }, () => insert(p));
    const rows = new OutboxRows(local);
    const first = nextBatch(p.store.raw, 2, rows);
    rename(p, ids[0]!, '甲二'); // while the first batch is at HQ
    const sum = applyAnswers(p.store.raw, first, first.writes.map((w): PushWireAnswerItem => ({ s: w.s, res: applied(w.c) })), Date.now());
    expect(sum.applied).toBe(first.writes.reduce((n, w) => n + Object.keys(w.c).length, 0));
    // The row written again waits, and keeps no row clock that would hide its unsent value.
    expect(local.pending().map((w) => w.rowId)).toEqual([ids[2], ids[3], ids[0]]);
    expect(local.rowClock('outlets', ids[0]!)).toBe('');
    expect(local.rowClock('outlets', ids[1]!)).toBe(first.writes[1]!.h);
    const second = nextBatch(p.store.raw, 10, rows);
    applyAnswers(p.store.raw, second, second.writes.map((w): PushWireAnswerItem => ({ s: w.s, res: applied(w.c) })), Date.now());
    const left = outbox(p);
    expect(left).toEqual([{ seq: second.writes.at(-1)!.s, tbl: '' }]); // only the marker of the highest number
  });
});
