// The board's dual-track composite light (DOMAIN.md warnings table): the month's quarter scored by
// the scorecard, shown for an outlet once its four business figures for that quarter are in (a
// composite re-normalised over the party track alone would judge a channel on half its work).
// Organisations get the mean of their outlets; grids and counties the worst below them.
import { BUSINESS_KEYS, DUAL_LABELS } from '../../shared/assessment/dualTrack.js';
import { ratioLight } from '../../shared/assessment/lights.js';
import type { AssessmentSettings } from '../../shared/assessment/thresholds.js';
import type { Cause } from '../../shared/assessment/types.js';
import type { Light } from '../../shared/orglife/status.js';
import { periodOf, type Period } from '../../shared/orglife/periods.js';
import type { Db } from '../context.js';
import type { LightSet, Subject } from './lightSet.js';
import type { Subjects } from './measure.js';
import type { ScopeFacts } from './facts.js';
import { completeCards } from './scorecard.js';

export async function dualTrackLights(db: Db, set: LightSet, subj: Subjects, scope: string, month: Period, today: string, s: AssessmentSettings, facts: ScopeFacts): Promise<void> {
  const quarter = periodOf(month.start, 'quarter').key;
  // As the month stood: a past month's composite is the quarter to its last day (the board's own day).
  const cards = await completeCards(db, scope, quarter, month.end < today ? month.end : today, facts);
  const complete = cards.filter((c) => c.composite !== null && !BUSINESS_KEYS.some((k) => c.missing.includes(k)));
  const children: (Subject & { colour: Light; causes: Cause[] })[] = [];
  const byOrg = new Map<string, number[]>();
  for (const c of complete) {
    const sub = subj.outlets.get(c.outletId);
    if (!sub) continue;
    const colour = ratioLight(c.composite! / 100, s.thresholds.dual_track);
    // The weakest indicators are what pulled the composite down.
    const causes: Cause[] = c.indicators.filter((i) => i.score !== null && i.score < 60).map((i) => ({
      kind: 'outlet', id: c.outletId, name: c.outletName,
      detail: { zh: `${quarter} ${DUAL_LABELS[i.key].zh}得分 ${i.score}（${i.source.zh}）`, en: `${quarter} ${DUAL_LABELS[i.key].en} scored ${i.score} (${i.source.en})` },
    }));
    set.add(sub, 'dual_track', colour, c.composite! / 100, causes);
    children.push({ ...sub, colour, causes });
    if (c.orgId) (byOrg.get(c.orgId) ?? byOrg.set(c.orgId, []).get(c.orgId)!).push(c.composite!);
  }
  for (const [orgId, xs] of byOrg) {
    const sub = subj.orgs.get(orgId);
    if (!sub) continue;
    const mean = xs.reduce((n, x) => n + x, 0) / xs.length / 100;
    set.add(sub, 'dual_track', ratioLight(mean, s.thresholds.dual_track), Math.round(mean * 1000) / 1000, []);
  }
  set.rollUp('dual_track', subj.units, children);
}
