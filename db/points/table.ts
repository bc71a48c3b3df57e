// The quarterly table as the screen shows it: the frozen snapshot once published (the live tally
// beside it only to say whether corrections are waiting), the objections and what may be done next.
import { todayInBeijing } from '../../shared/core/dates.js';
import { permissionsOf } from '../../shared/points/roles.js';
import type { PointsSettings } from '../../shared/points/settings.js';
import type { Publication, QuarterTable } from '../../shared/points/types.js';
import type { ApiContext } from '../context.js';
import { loadYear, sameTotals } from './compute.js';
import { objectionsOf, type Branch, type PublicationRow } from './store.js';

export const publicView = ({ id, orgId, quarter, status, publishedAt, publishedBy, windowEnds, approvedBy, approvedAt, reopened }: PublicationRow): Publication =>
  ({ id, orgId, quarter, status, publishedAt, publishedBy, windowEnds, approvedBy, approvedAt, reopened });

export function approvalVerdict(pub: PublicationRow | null, unanswered: number, today: string): QuarterTable['canApprove'] {
  if (!pub) return { ok: false, zh: '该季度尚未公示', en: 'The quarter has not been published' };
  if (pub.status === 'approved') return { ok: false, zh: '该季度已审定锁定', en: 'The quarter is already approved and locked' };
  if (today <= pub.windowEnds) return { ok: false, zh: `公示期至 ${pub.windowEnds}，期满后方可审定`, en: `The objection window runs until ${pub.windowEnds}` };
  if (unanswered) return { ok: false, zh: `还有 ${unanswered} 条异议未答复`, en: `${unanswered} objection(s) still unanswered` };
  return { ok: true, zh: '可以审定', en: 'Ready to approve' };
}

export async function quarterTable(ctx: ApiContext, branch: Branch, quarter: string, s: PointsSettings): Promise<QuarterTable> {
  const year = await loadYear(ctx.db, branch.id, +quarter.slice(0, 4), s);
  const q = year.find((r) => r.quarter === quarter)!;
  const pub = q.publication;
  const objections = pub ? await objectionsOf(ctx.db, pub.id) : [];
  const today = todayInBeijing(ctx.now());
  const shown = pub ? (pub.status === 'approved' && pub.approved ? pub.approved.rows : pub.published.rows) : q.live;
  return {
    orgId: branch.id, orgName: branch.name, quarter, status: pub?.status ?? 'draft', publication: pub ? publicView(pub) : null,
    rows: shown, liveDiffers: pub?.status === 'published' ? !sameTotals(shown, q.live) : false,
    objections, objectionOpen: pub?.status === 'published' && today <= pub.windowEnds,
    canApprove: approvalVerdict(pub, objections.filter((o) => !o.answer).length, today),
    may: permissionsOf(ctx.session.role), today,
  };
}
