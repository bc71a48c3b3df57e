// A probationary member's points average reaches the conversion view (recruits.pipeline): the mean
// of the quarters scored since admission, each as its branch's table stands, graded like a year.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3, type World } from './world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
let w: World;

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  w = await buildWorld(ctx);
  await recordQ3(ctx, w);
});
afterEach(async () => p.cleanup());

describe('points in the conversion view', () => {
  it('shows the mean of the quarters scored since admission for a probationary member', async () => {
    const oct = at(ctx, '2026-10-05');
    // Admitted 2025-11-28: scored in 2025-Q4 and 2026-Q1..Q3 (the base each), plus an honour in Q3.
    await call(oct, 'points.addEntry', { personId: w.probationary.id, itemKey: 'honour', occurredOn: '2026-09-10', reason: '获评服务之星' });
    const rows = (await call(oct, 'recruits.pipeline', { stages: ['probationary'] })).rows;
    const row = rows.find((r) => r.personId === w.probationary.id)!;
    expect(row.points).toEqual({ score: 71.3, grade: 'pass', quarters: 4 });
    // A deduction approved in a locked quarter lowers the average the same way.
    await call(oct, 'points.addEntry', { personId: w.probationary.id, itemKey: 'discipline', occurredOn: '2026-09-11', reason: '服务投诉属实' });
    const pub = await call(oct, 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
    await call(at(ctx, '2026-10-13'), 'points.approve', { publicationId: pub.publication!.id });
    const after = (await call(at(ctx, '2026-10-13'), 'recruits.pipeline', { stages: ['probationary'] })).rows.find((r) => r.personId === w.probationary.id)!;
    expect(after.points).toEqual({ score: 70, grade: 'pass', quarters: 4 });
  });
});
