// The dual-track scorecard (双轨考核) of every outlet under a scope for a quarter or year, and the
// mean composite per Party organisation, grid and county. Weights and score curves come from
// `assessment.dual_track`; the composite's light from `assessment.thresholds` (dual_track).
import { BUSINESS_KEYS, PARTY_KEYS, dualTrackSettings, type BusinessKey } from '../../shared/assessment/dualTrack.js';
import { businessComplete, outletComposite, round1, type BusinessValues } from '../../shared/assessment/dualTrackOutlet.js';
import type { IndicatorLine, OutletCard, OutletScore, RollupRow, Scorecard } from '../../shared/assessment/dualTrackApi.js';
import { ratioLight } from '../../shared/assessment/lights.js';
import { assessmentSettings, type RatioBands } from '../../shared/assessment/thresholds.js';
import { ApiError } from '../../shared/core/errors.js';
import { assertInScope } from '../../shared/core/scope.js';
import { parsePeriodKey, type Period } from '../../shared/orglife/periods.js';
import type { Db } from '../context.js';
import { settingsFor } from '../orglife/settings.js';
import { readSettings } from '../system/settings.js';
import { loadBusiness } from './businessIndicators.js';
import { loadScopeFacts, type OutletFact, type ScopeFacts } from './facts.js';
import { partyValues } from './partyFacts.js';

export function dualPeriodOf(key: string): Period {
  const p = parsePeriodKey(key);
  if (!p || (p.unit !== 'quarter' && p.unit !== 'year'))
    throw new ApiError('validation', `考核期“${key}”应为季度（如 2026-Q3）或年度（如 2026）`, `The period "${key}" must be a quarter (2026-Q3) or a year (2026)`);
  return p;
}

type Business = Awaited<ReturnType<typeof loadBusiness>>;
const valuesOf = (b: Partial<Record<BusinessKey, { value: number }>>): BusinessValues => Object.fromEntries(BUSINESS_KEYS.map((k) => [k, b[k]?.value ?? null]));

/** Every outlet's card for the period; the list view keeps only the heads. */
export async function scorecards(db: Db, scope: string, periodKey: string, today: string): Promise<{ cards: OutletCard[]; rollups: RollupRow[] }> {
  const { period, asOf } = opened(periodKey, today);
  const facts = await loadScopeFacts(db, scope, asOf);
  const cards = await cardsOf(db, scope, period, facts, facts.outlets, await loadBusiness(db, scope, period.key));
  return { cards, rollups: rollupsOf(cards, assessmentSettings(await readSettings(db, scope)).thresholds.dual_track) };
}

/**
 * The board's composite: the cards of the outlets whose four business figures are in (no other
 * outlet gets a dual-track light), on the facts the board already holds when they are of the same day.
 */
export async function completeCards(db: Db, scope: string, periodKey: string, today: string, board: ScopeFacts): Promise<OutletCard[]> {
  const { period, asOf } = opened(periodKey, today);
  const facts = board.asOf === asOf ? board : await loadScopeFacts(db, scope, asOf);
  const business = await loadBusiness(db, scope, period.key);
  const complete = facts.outlets.filter((o) => businessComplete(valuesOf(business.get(o.id) ?? {})));
  return complete.length ? cardsOf(db, scope, period, facts, complete, business) : [];
}

function opened(periodKey: string, today: string): { period: Period; asOf: string } {
  const period = dualPeriodOf(periodKey);
  if (period.start > today) throw new ApiError('validation', '考核期尚未开始', 'This period has not begun');
  return { period, asOf: period.end < today ? period.end : today };
}

async function cardsOf(db: Db, scope: string, period: Period, facts: ScopeFacts, outlets: OutletFact[], business: Business): Promise<OutletCard[]> {
  const { asOf, units, orgs, members } = facts;
  const raw = await readSettings(db, scope);
  const dt = dualTrackSettings(raw['assessment.dual_track']);
  const bands = assessmentSettings(raw).thresholds.dual_track;
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  const unitNames = new Map([...units.byPath.values()].map((u) => [u.id, u.name]));
  const party = await partyValues(db, scope, { period, asOf, outlets, members, orgNames, dt, o: await settingsFor(db, scope) });
  return outlets.map((o): OutletCard => {
    const channelType = o.channelType ?? 'own_store';
    const pv = party.get(o.id)!;
    const bv = business.get(o.id) ?? {};
    const c = outletComposite(dt, o.channelType, pv, valuesOf(bv));
    const indicators = c.indicators.map((i): IndicatorLine => {
      const b = (BUSINESS_KEYS as readonly string[]).includes(i.key) ? bv[i.key as (typeof BUSINESS_KEYS)[number]] : undefined;
      const source = (PARTY_KEYS as readonly string[]).includes(i.key)
        ? { zh: pv[i.key as (typeof PARTY_KEYS)[number]].zh, en: pv[i.key as (typeof PARTY_KEYS)[number]].en }
        : b
          ? { zh: `${b.source === 'import' ? '导入' : '手工录入'}：${b.enteredBy}，${b.updatedAt.slice(0, 10)}${b.note ? `（${b.note}）` : ''}`, en: `${b.source === 'import' ? 'Imported' : 'Entered by hand'}: ${b.enteredBy}, ${b.updatedAt.slice(0, 10)}${b.note ? ` (${b.note})` : ''}` }
          : { zh: '缺失：本期未录入，权重不计入', en: 'Missing: not entered for this period, its weight left out' };
      return { ...i, score: i.score === null ? null : round1(i.score), points: i.points === null ? null : round1(i.points), effectiveWeight: round1(i.effectiveWeight), source };
    });
    const place = units.placeOf(o.scopePath);
    const value = c.value;
    return {
      period: period.key, outletId: o.id, outletName: o.name, channelType, orgId: o.covered ? o.coverageOrgId : null,
      orgName: o.covered && o.coverageOrgId ? orgNames.get(o.coverageOrgId) ?? null : null,
      gridId: place.gridId, gridName: place.gridId ? unitNames.get(place.gridId) ?? null : null,
      countyId: place.countyId, countyName: place.countyId ? unitNames.get(place.countyId) ?? null : null,
      composite: value, light: ratioLight(value === null ? null : value / 100, bands), renormalised: c.renormalised,
      missing: c.missing, indicators,
    };
  });
}

function rollupsOf(cards: OutletCard[], bands: RatioBands): RollupRow[] {
  const rollups: RollupRow[] = [];
  const roll = (kind: RollupRow['kind'], idOf: (c: OutletCard) => string | null, nameOf: (c: OutletCard) => string | null) => {
    const groups = new Map<string, OutletCard[]>();
    for (const c of cards) { const id = idOf(c); if (id) (groups.get(id) ?? groups.set(id, []).get(id)!).push(c); }
    for (const [id, cs] of groups) {
      const known = cs.filter((c) => c.composite !== null);
      const mean = known.length ? round1(known.reduce((n, c) => n + c.composite!, 0) / known.length) : null;
      rollups.push({ kind, id, name: nameOf(cs[0]!) ?? '', outlets: cs.length, composite: mean, light: ratioLight(mean === null ? null : mean / 100, bands) });
    }
  };
  roll('county', (c) => c.countyId, (c) => c.countyName);
  roll('grid', (c) => c.gridId, (c) => c.gridName);
  roll('org', (c) => c.orgId, (c) => c.orgName);
  return rollups;
}

export async function scorecard(db: Db, scope: string, periodKey: string, today: string): Promise<Scorecard> {
  const { cards, rollups } = await scorecards(db, scope, periodKey, today);
  const outlets: OutletScore[] = cards.map(({ indicators: _i, period: _p, ...head }) => head);
  return { period: dualPeriodOf(periodKey).key, outlets, rollups };
}

export async function outletCard(db: Db, scope: string, outletId: string, periodKey: string, today: string): Promise<OutletCard> {
  const o = await db.selectFrom('outlets').select('scope_path').where('id', '=', outletId).where('deleted', '=', 0).executeTakeFirst();
  if (!o) throw new ApiError('not_found', '网点不存在或已删除', 'Outlet not found');
  assertInScope(o.scope_path, scope, 'outlet');
  // Computed over the whole scope: the outlet's members and covering organisation may sit in units above it.
  const card = (await scorecards(db, scope, periodKey, today)).cards.find((c) => c.outletId === outletId);
  if (!card) throw new ApiError('not_found', '该网点在此考核期内未营业', 'The outlet was not open in this period');
  return card;
}
