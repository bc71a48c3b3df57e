// 约谈提醒 / 限期整改 over a real HQ (DOMAIN.md Privacy: a negative outcome is sensitive): a county
// organiser's second device receives the records with their reasons and outcomes; an instructor's
// and an auditor's devices never receive them — not in their store file, not on the wire, not in
// the history HQ serves them — and such a record written past the app on either is refused.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { rowsOf } from '../../hq/quiz/rows.js';
import { pullRaw } from '../sync/forge.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

const NOW = new Date('2026-11-20T04:00:00Z');
const REASON = '主题党日连续两月未召开';
const NOTE = '整改不到位，已通报';

describe('accountability records over sync', () => {
  let hq: TestHq;
  let org: TestDevice;
  let org2: TestDevice;
  let instr: TestDevice;
  let aud: TestDevice;
  let w: World;
  const ctx = (d: TestDevice): ApiContext => ({ ...d.context(), now: () => NOW });
  beforeAll(async () => {
    hq = await startTestHq();
    org = await enrolledDevice(hq, { user: '王组织员', role: 'county_organiser', scope: '/' });
    org2 = await enrolledDevice(hq, { user: '周组织员', role: 'county_organiser', scope: '/' });
    instr = await enrolledDevice(hq, { user: '孙指导', role: 'instructor', scope: '/' });
    aud = await enrolledDevice(hq, { user: '钱审计', role: 'auditor', scope: '/' });
    w = await buildWorld(ctx(org));
    const rec = await call(ctx(org), 'accountability.save', { kind: 'deadline', subjectKind: 'person', subjectId: w.full[0]!.id, reason: REASON, heldOn: '2026-10-10', deadline: '2026-11-10' });
    await call(ctx(org), 'accountability.outcome', { id: rec.id, outcome: 'not_improved', note: NOTE });
    await org.sync();
    for (const d of [org2, instr, aud]) await d.sync();
  }, 60_000);
  afterAll(async () => {
    for (const d of [org, org2, instr, aud]) await d?.cleanup();
    await hq?.close();
  });

  it('reaches another county organiser with its reason and outcome', async () => {
    const rows = org2.store.raw.prepare('SELECT kind, reason, outcome, outcome_note FROM accountability').all();
    expect(rows).toEqual([{ kind: 'deadline', reason: REASON, outcome: 'not_improved', outcome_note: NOTE }]);
    const list = await call(ctx(org2), 'accountability.list', {});
    expect(list.rows.map((r) => [r.subjectName, r.outcome])).toEqual([[w.full[0]!.name, 'not_improved']]);
  });

  for (const who of ['instructor', 'auditor'] as const) {
    it(`never reaches an ${who}'s device: store file, wire and history`, async () => {
      const d = who === 'instructor' ? instr : aud;
      // the rest of the world did arrive, so the absence is HQ's doing, not a failed sync
      expect((d.store.raw.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBeGreaterThan(3);
      expect((d.store.raw.prepare('SELECT count(*) AS n FROM accountability').get() as { n: number }).n).toBe(0);
      d.store.raw.pragma('wal_checkpoint(TRUNCATE)');
      const file = readFileSync(d.store.raw.name);
      expect(file.includes(Buffer.from(REASON))).toBe(false);
      expect(file.includes(Buffer.from(NOTE))).toBe(false);
      const wire = JSON.stringify(await pullRaw(d));
      expect(wire).toContain(w.full[0]!.name);
      expect(wire).not.toContain('accountability');
      expect(wire).not.toContain(REASON);
      expect((d.store.raw.prepare(`SELECT count(*) AS n FROM record_history WHERE tbl = 'accountability'`).get() as { n: number }).n).toBe(0);
      const as = { ...ctx(d), session: { ...ctx(d).session, role: who } };
      const r = await dispatch(as, 'accountability.list', {});
      expect(r.ok ? 'shown' : r.error.code).toBe('forbidden');
    });

    it(`refuses an ${who}'s record written straight into its store`, async () => {
      const d = who === 'instructor' ? instr : aud;
      const scope = (d.store.raw.prepare('SELECT scope_path AS p FROM people WHERE id = ?').get(w.full[1]!.id) as { p: string }).p;
      const forged = {
        id: '0190a000-0000-7000-8000-00000000ac0' + (who === 'instructor' ? '1' : '2'), kind: 'talk', subject_kind: 'person', subject_id: w.full[1]!.id, reason: '伪造的约谈',
        held_on: '2026-11-01', deadline: null, outcome: 'pending', outcome_on: null, outcome_note: null, created_by: '伪造', scope_path: scope, created_at: NOW.toISOString(), updated_at: NOW.toISOString(),
      };
      const cols = Object.keys(forged);
      // past the app, straight into the store: the capture triggers still send it
      d.store.raw.prepare(`INSERT INTO accountability (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(forged);
      await d.sync();
      expect((await rowsOf(hq.store, 'accountability')).map((r) => r.id)).not.toContain(forged.id);
      expect(d.store.raw.prepare('SELECT reason_zh FROM sync_rejections ORDER BY rowid DESC LIMIT 1').get()).toMatchObject({ reason_zh: expect.stringMatching(/审计员只能查看|党建指导员无权修改/) });
      await org2.sync();
      expect((org2.store.raw.prepare('SELECT count(*) AS n FROM accountability').get() as { n: number }).n).toBe(1);
    });
  }
});
