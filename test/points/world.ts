// The org-life test world (a branch of four full members and one probationary) with points helpers.
import type { ApiContext } from '../../db/context.js';
import type { Role } from '../../shared/domain/enums.js';
import { call } from '../support/builders.js';
import { buildWorld, themeDay, type World } from '../orglife/world.js';

export { buildWorld, themeDay, type World };

/** The same store at another instant (Beijing noon of `day`) and, optionally, as another role. */
export const at = (ctx: ApiContext, day: string, role?: Role): ApiContext => ({
  ...ctx, now: () => new Date(`${day}T04:00:00Z`), session: { ...ctx.session, ...(role ? { role } : {}) },
});

/** Two theme days and a micro-lecture given by the secretary, in the third quarter of 2026. */
export async function recordQ3(ctx: ApiContext, w: World) {
  await call(ctx, 'activities.save', themeDay(w, '2026-07-10'));
  await call(ctx, 'activities.save', themeDay(w, '2026-08-12'));
  await call(ctx, 'activities.save', {
    type: 'micro_lecture', orgId: w.branch.id, title: '五分钟微党课', heldOn: '2026-09-03', topic: '讲好身边的服务故事', lecturerPersonId: w.full[0]!.id,
    attendance: w.full.map((p) => ({ personId: p.id, status: 'present' as const })),
  });
}

export const totals = (rows: { name: string; total: number }[]) => Object.fromEntries(rows.map((r) => [r.name, r.total]));
