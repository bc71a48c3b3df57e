// The synthetic province's 334N records (test/synthetic/work334.ts) through the API: teams, pledges
// and nodes exist under every county; the nodes left undone past their due date are exactly the
// missed ones of 节点对账 and light their organisations red on the board; a third of the pairing
// agreements started three months ago without a linked joint meeting are not kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { openProfile, type Profile } from '../../db/profile.js';
import { call } from '../support/builders.js';
import { DEFAULT_TODAY } from '../synthetic/generate.js';
import { seedProfile } from '../synthetic/seedProfile.js';

let dir: string;
let profile: Profile;
let ctx: ApiContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rc-w334-'));
  await seedProfile({ counties: 2, seed: 7, dir });
  profile = await openProfile(dir);
  ctx = { ...profile.context(), now: () => new Date(`${DEFAULT_TODAY}T04:00:00Z`), session: { ...profile.session, role: 'hq_admin', scopePath: '/' } };
}, 120_000);
afterAll(async () => {
  await profile.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const year = Number(DEFAULT_TODAY.slice(0, 4));

describe('synthetic 334N records', () => {
  it('reconcile the nodes left undone past their due date as missed, and light their organisations red', async () => {
    const raw = profile.store.raw;
    const undone = raw.prepare(`SELECT id, org_id FROM milestone_nodes WHERE done_on IS NULL AND due_on < ?`).all(DEFAULT_TODAY) as { id: string; org_id: string }[];
    const rec = await call(ctx, 'milestones.list', { year, limit: 1000 });
    expect(rec.total).toBeGreaterThan(20);
    expect(rec.counts.missed).toBe(undone.length);
    expect(rec.counts.missed).toBeGreaterThan(0);
    expect(rec.counts.late).toBeGreaterThan(0);
    expect((await call(ctx, 'teams.list', {})).total).toBeGreaterThan(5);
    expect((await call(ctx, 'pledges.list', { year })).total).toBeGreaterThan(20);
    const board = await call(ctx, 'assessment.board', { period: DEFAULT_TODAY.slice(0, 7) });
    const red = new Set(board.lights.filter((l) => l.indicator === 'milestones' && l.subjectKind === 'org' && l.colour === 'red').map((l) => l.subjectId));
    expect(red).toEqual(new Set(undone.map((n) => n.org_id)));
  });

  it('shows the pairing agreements that missed their joint meetings', async () => {
    const all = await call(ctx, 'pairings.list', { limit: 1000 });
    const notKept = await call(ctx, 'pairings.list', { notKeptOnly: true, limit: 1000 });
    expect(all.total).toBeGreaterThan(0);
    const started = profile.store.raw.prepare(`SELECT count(*) AS n FROM pairings WHERE starts_on < ?`).get(`${DEFAULT_TODAY.slice(0, 7)}-01`) as { n: number };
    expect(started.n).toBeGreaterThan(0);
    expect(notKept.total).toBe(started.n);
    for (const r of notKept.rows) expect(r.missed.length).toBeGreaterThan(0);
  });
});
