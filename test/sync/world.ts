// The world of the convergence property: one HQ, three devices (two county-wide, one limited to one
// grid), shared outlet rows, and the operations a test run performs on them.
import fc from 'fast-check';
import { uuidv7 } from '../../shared/core/ids.js';
import { pullAnswer, pushAnswer } from '../../shared/sync/protocol.js';
import { applyChunk, CURSOR_KEY } from '../../db/sync/apply.js';
import { HqClient } from '../../db/sync/client.js';
import { Local } from '../../db/sync/local.js';
import { applyAnswers, type Batch } from '../../db/sync/outbox.js';
import { clientFor, pullSome, pushSome, whenIdle } from '../../db/sync/session.js';
import { getMetaRaw, syncState } from '../../db/sync/state.js';
import { faultyNet, type FaultyNet } from './faults.js';
import { Oracle } from './oracle.js';
import { enrolledDevice, type TestDevice, type TestHq } from './support.js';

export const SCOPE = '/hq/t/';
export const GRID = ['/hq/t/c1/', '/hq/t/c2/'];
export const NARROW = GRID[0]!; // device 2 sees only this grid

export type Op =
  | { k: 'edit'; d: number; row: number; col: 'name' | 'address' | 'staff_count'; val: number }
  | { k: 'delete' | 'recreate'; d: number; row: number }
  | { k: 'move'; d: number; row: number; to: number }
  | { k: 'create'; d: number; row: number }
  | { k: 'push' | 'pull'; d: number; lose: boolean; size: number; all: boolean }
  | { k: 'replay'; d: number; back: number; exact: boolean }
  | { k: 'net'; d: number; offline: boolean }
  /** The device's clock jumps (days ahead or behind) without it knowing: property 6 under load. */
  | { k: 'jump'; d: number; days: number };

const d = fc.integer({ min: 0, max: 2 });
const row = fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 })); // crowd a few rows
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('edit' as const), d, row, col: fc.constantFrom('name' as const, 'address' as const, 'staff_count' as const), val: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('delete' as const, 'recreate' as const), d, row }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('move' as const), d, row, to: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('create' as const), d, row: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constantFrom('push' as const, 'pull' as const), d, lose: fc.boolean(), size: fc.integer({ min: 1, max: 4 }), all: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('replay' as const), d, back: fc.integer({ min: 0, max: 6 }), exact: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('net' as const), d, offline: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('jump' as const), d, days: fc.integer({ min: -30, max: 30 }) }) },
);

export interface Dev {
  t: TestDevice;
  net: FaultyNet;
  ids: string[]; // rows this device may create
}

export class World {
  readonly oracle = new Oracle();
  devs: Dev[] = [];
  shared: string[] = [];
  private tick = 0;

  constructor(readonly hq: TestHq) {}

  async setUp(): Promise<void> {
    const who = [
      { user: '甲', role: 'county_organiser' as const, scope: SCOPE },
      { user: '乙', role: 'county_organiser' as const, scope: SCOPE },
      { user: '丙', role: 'county_organiser' as const, scope: NARROW },
    ];
    for (const w of who) this.devs.push({ t: await enrolledDevice(this.hq, w), net: faultyNet(), ids: [0, 1, 2].map(() => uuidv7()) });
    // Six shared outlets made on device 0, in both grids, known to every device before the run.
    const d0 = this.devs[0]!.t.store.raw;
    for (let i = 0; i < 6; i++) {
      const id = uuidv7();
      this.shared.push(id);
      this.oracle.record(d0, 'outlets', id, ['*'], () => this.insert(d0, id, GRID[i % 2]!));
    }
    for (const dv of this.devs) await dv.t.sync();
    await this.devs[0]!.t.sync();
  }

  private insert(raw: TestDevice['store']['raw'], id: string, scope: string) {
    raw
      .prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'rural', 'c', ?, ?, ?)`)
      .run(id, `O${id.slice(-6)}`, `网点${id.slice(-4)}`, scope, this.now(), this.now());
  }

  private now() {
    return new Date(Date.UTC(2026, 0, 1) + ++this.tick * 1000).toISOString();
  }

  private exists(raw: TestDevice['store']['raw'], id: string) {
    return raw.prepare('SELECT 1 FROM outlets WHERE id = ?').get(id) !== undefined;
  }

  private write(dv: Dev, id: string, set: Record<string, unknown>) {
    const raw = dv.t.store.raw;
    if (!this.exists(raw, id)) return;
    const cols = [...Object.keys(set), 'updated_at'];
    const vals = [...Object.values(set), this.now()];
    this.oracle.record(raw, 'outlets', id, cols, () => raw.prepare(`UPDATE outlets SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...vals, id));
  }

  async run(op: Op): Promise<void> {
    const dv = this.devs[op.d]!;
    const dev = dv.t.dev;
    const pick = (r: number) => this.shared[r]!;
    switch (op.k) {
      case 'edit':
        return this.write(dv, pick(op.row), { [op.col]: op.col === 'staff_count' ? op.val : `${op.col}${op.val}` });
      case 'delete':
        return this.write(dv, pick(op.row), { deleted: 1 });
      case 'recreate':
        return this.write(dv, pick(op.row), { deleted: 0, name: `重建${op.d}` });
      case 'move':
        return this.write(dv, pick(op.row), { scope_path: GRID[op.to] });
      case 'create': {
        const id = dv.ids[op.row]!;
        const raw = dv.t.store.raw;
        if (!this.exists(raw, id) && !this.shared.includes(id)) {
          this.oracle.record(raw, 'outlets', id, ['*'], () => this.insert(raw, id, op.d === 2 ? NARROW : GRID[op.row % 2]!));
          this.shared.push(id);
        }
        return;
      }
      case 'net':
        dv.net.offline = op.offline;
        return;
      case 'jump': {
        const skew = op.days * 86_400_000;
        syncState(dv.t.store.raw)!.physicalNow = () => Date.now() + skew;
        return;
      }
      case 'push':
      case 'pull': {
        dv.net.loseNextAnswer = op.lose;
        const c = clientFor(dev, { fetch: dv.net.fetch });
        try {
          const times = op.all ? 1000 : 1;
          if (op.k === 'push') await pushSome(dev, c, { maxPushes: times, pushBatch: op.size });
          // Device 1 bulk-loads every new row with indexes and triggers rebuilt (db/sync/bulk.ts), however few.
          else await pullSome(dev, c, { maxPulls: times, pullLimit: op.size, rebuildFrom: op.d === 1 ? 0 : undefined });
        } catch {
          // offline or answer lost: the device simply does not know what happened
        }
        dv.net.loseNextAnswer = false;
        return;
      }
      case 'replay':
        return this.replay(dv, op.back, op.exact);
    }
  }

  /** Delivers an earlier request again: byte for byte (must be refused), or re-sent by the device. */
  private async replay(dv: Dev, back: number, exact: boolean): Promise<void> {
    const req = dv.net.sent[dv.net.sent.length - 1 - back];
    if (!req || dv.net.offline) return;
    const dev = dv.t.dev;
    if (exact) {
      const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body });
      if (res.status !== 409 && res.status !== 401) throw new Error(`exact replay was accepted: ${res.status} ${await res.text()}`);
      return;
    }
    const c: HqClient = clientFor(dev, {});
    const body = JSON.parse(req.body);
    if (req.url.endsWith('/v1/push')) {
      const a = await c.post('/v1/push', body, pushAnswer);
      await whenIdle(dev.raw);
      const seqs = new Set((body.writes as { s: number }[]).map((w) => w.s));
      const pending = Local.of(dev.raw).pending().filter((w) => seqs.has(w.seq));
      const batch: Batch = { writes: body.writes, pending };
      applyAnswers(dev.raw, batch, a.answers, a.hqTime);
    } else {
      const chunk = await c.post('/v1/pull', body, pullAnswer);
      await whenIdle(dev.raw);
      if (Number(getMetaRaw(dev.raw, CURSOR_KEY) ?? 0) === body.cursor) applyChunk(dev.raw, chunk);
    }
  }

  /** Everyone online, then sync rounds until nothing moves. */
  async heal(): Promise<void> {
    for (const dv of this.devs) dv.net.offline = false;
    for (let round = 0; round < 3; round++) for (const dv of this.devs) await dv.t.sync();
  }

  async tearDown(): Promise<void> {
    for (const dv of this.devs) await dv.t.cleanup();
  }
}
