// The dual-track assessment rules (双轨考核, DOMAIN.md "Dual-track assessment") as reference data,
// key `assessment.dual_track`: per channel type the weight (percent) of each party and business
// indicator and the least party share, and per indicator the cut points that map its raw value to a
// 0–100 score. A weight set below its channel type's party share, or not summing to 100, is refused.
import { z } from 'zod';
import { CHANNEL_TYPES } from '../domain/enums.js';
import type { FieldIssue } from '../core/errors.js';

export type ChannelType = keyof typeof CHANNEL_TYPES;
const CHANNELS = Object.keys(CHANNEL_TYPES) as ChannelType[];

export const PARTY_KEYS = ['org_coverage', 'org_life', 'vanguard', 'instructor_duty'] as const;
export const BUSINESS_KEYS = ['revenue_growth', 'core_penetration', 'satisfaction', 'complaint_rate'] as const;
export type PartyKey = (typeof PARTY_KEYS)[number];
export type BusinessKey = (typeof BUSINESS_KEYS)[number];
export type DualKey = PartyKey | BusinessKey;
export const DUAL_KEYS: DualKey[] = [...PARTY_KEYS, ...BUSINESS_KEYS];
export const isBusinessKey = (k: string): k is BusinessKey => (BUSINESS_KEYS as readonly string[]).includes(k);

export const DUAL_LABELS: Record<DualKey, { zh: string; en: string; unitZh: string; unitEn: string }> = {
  org_coverage: { zh: '组织覆盖', en: 'Organisation coverage', unitZh: '覆盖=1', unitEn: 'covered = 1' },
  org_life: { zh: '组织生活质量', en: 'Quality of organisational life', unitZh: '出勤率', unitEn: 'attendance share' },
  vanguard: { zh: '先锋作用', en: 'Vanguard role', unitZh: '人均积分', unitEn: 'points per member' },
  instructor_duty: { zh: '指导员履职', en: 'Instructor duty', unitZh: '漏访次数', unitEn: 'visits missed' },
  revenue_growth: { zh: '渠道收入增长', en: 'Revenue growth', unitZh: '%', unitEn: '%' },
  core_penetration: { zh: '核心产品渗透率', en: 'Core-product penetration', unitZh: '%', unitEn: '%' },
  satisfaction: { zh: '客户满意度', en: 'Customer satisfaction', unitZh: '分', unitEn: 'points' },
  complaint_rate: { zh: '投诉率', en: 'Complaint rate', unitZh: '件/万户', unitEn: 'per 10,000 customers' },
};

/** What a hand-entered business value may be: outside this it is a typing error, not a result. */
export const BUSINESS_RANGES: Record<BusinessKey, { min: number; max: number }> = {
  revenue_growth: { min: -100, max: 1000 },
  core_penetration: { min: 0, max: 100 },
  satisfaction: { min: 0, max: 100 },
  complaint_rate: { min: 0, max: 10000 },
};

/** Cut points [raw, score], raw strictly increasing; scores between them are linear, outside clamped. */
export type Curve = [number, number][];
export type Weights = Record<DualKey, number>;

export interface DualTrackSettings {
  weights: Record<ChannelType, Weights>;
  /** The least party share (percent) per channel type. */
  minParty: Record<ChannelType, number>;
  scoring: Record<DualKey, Curve>;
  /** What one task-force (突击队) activity at the outlet adds to its members' points per member. */
  taskForcePoints: number;
}

const own: Weights = { org_coverage: 10, org_life: 10, vanguard: 10, instructor_duty: 10, revenue_growth: 15, core_penetration: 15, satisfaction: 15, complaint_rate: 15 };
const partner: Weights = { org_coverage: 10, org_life: 5, vanguard: 10, instructor_duty: 5, revenue_growth: 20, core_penetration: 20, satisfaction: 15, complaint_rate: 15 };
// Staff of own-store-like channels are employees (party share 40%); partner-like channels 30%.
const OWN_LIKE: ChannelType[] = ['own_store', 'flagship', 'gov_ent', 'install_maint'];

export const DUAL_TRACK_DEFAULTS: DualTrackSettings = {
  weights: Object.fromEntries(CHANNELS.map((c) => [c, OWN_LIKE.includes(c) ? own : partner])) as Record<ChannelType, Weights>,
  minParty: Object.fromEntries(CHANNELS.map((c) => [c, OWN_LIKE.includes(c) ? 40 : 30])) as Record<ChannelType, number>,
  scoring: {
    org_coverage: [[0, 0], [1, 100]],
    org_life: [[0.5, 0], [0.75, 60], [0.9, 85], [1, 100]],
    vanguard: [[0, 0], [10, 60], [30, 100]],
    instructor_duty: [[0, 100], [1, 60], [2, 0]],
    revenue_growth: [[-10, 0], [0, 60], [10, 100]],
    core_penetration: [[0, 0], [30, 60], [60, 100]],
    satisfaction: [[70, 0], [85, 60], [95, 100]],
    complaint_rate: [[0, 100], [5, 60], [20, 0]],
  },
  taskForcePoints: 5,
};

/** The 0–100 score of a raw value on a curve (piecewise linear, clamped at both ends). */
export function scoreOf(raw: number, curve: Curve): number {
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  if (raw <= first[0]) return first[1];
  if (raw >= last[0]) return last[1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i]!;
    if (raw <= x1) {
      const [x0, y0] = curve[i - 1]!;
      return y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return last[1];
}

export const partyShare = (w: Weights): number => PARTY_KEYS.reduce((n, k) => n + w[k], 0);
const total = (w: Weights): number => DUAL_KEYS.reduce((n, k) => n + w[k], 0);

/** Why a dual-track setting is refused: one issue per channel type or curve that breaks a rule. */
export function dualTrackIssues(s: DualTrackSettings): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const c of CHANNELS) {
    const w = s.weights[c];
    const l = CHANNEL_TYPES[c];
    const sum = total(w);
    if (Math.abs(sum - 100) > 1e-9)
      out.push({ path: `weights.${c}`, message: `“${l.zh}”的权重合计为 ${sum}%，须等于 100%`, messageEn: `"${l.en}": the weights add up to ${sum}%, they must make 100%` });
    const party = partyShare(w);
    if (party < s.minParty[c])
      out.push({
        path: `weights.${c}`,
        message: `“${l.zh}”的党建指标权重合计 ${party}%，低于该渠道类型的下限 ${s.minParty[c]}%`,
        messageEn: `"${l.en}": the party indicators weigh ${party}%, below this channel type's floor of ${s.minParty[c]}%`,
      });
  }
  for (const k of DUAL_KEYS) {
    const cv = s.scoring[k];
    if (cv.some((p, i) => i > 0 && p[0] <= cv[i - 1]![0]))
      out.push({ path: `scoring.${k}`, message: `“${DUAL_LABELS[k].zh}”的评分分段点须从小到大排列`, messageEn: `"${DUAL_LABELS[k].en}": the cut points must increase` });
  }
  return out;
}

const weightsSchema = z.strictObject(Object.fromEntries(DUAL_KEYS.map((k) => [k, z.number().min(0).max(100)])) as Record<DualKey, z.ZodNumber>);
const curveSchema = z.array(z.tuple([z.number(), z.number().min(0).max(100)])).min(2).max(12);
const schema = z.strictObject({
  weights: z.strictObject(Object.fromEntries(CHANNELS.map((c) => [c, weightsSchema])) as Record<ChannelType, typeof weightsSchema>),
  minParty: z.strictObject(Object.fromEntries(CHANNELS.map((c) => [c, z.number().min(0).max(100)])) as Record<ChannelType, z.ZodNumber>),
  scoring: z.strictObject(Object.fromEntries(DUAL_KEYS.map((k) => [k, curveSchema])) as Record<DualKey, typeof curveSchema>),
  taskForcePoints: z.number().min(0).max(100),
});

const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value over the defaults: one changed channel type keeps the others (but its weights are replaced whole). */
function overlay(raw: unknown): unknown {
  if (!plain(raw)) return raw;
  const d = DUAL_TRACK_DEFAULTS as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...d };
  for (const [k, v] of Object.entries(raw)) out[k] = plain(d[k]) && plain(v) ? { ...(d[k] as Record<string, unknown>), ...v } : v;
  return out;
}

/** The parsed setting, or the issues that refuse it (a malformed value is one issue). */
export function parseDualTrack(raw: unknown): { ok: true; value: DualTrackSettings } | { ok: false; issues: FieldIssue[] } {
  const r = schema.safeParse(overlay(raw));
  if (!r.success)
    return { ok: false, issues: [{ path: 'assessment.dual_track', message: '双轨考核设置的格式不正确', messageEn: 'The dual-track setting is malformed' }] };
  const value = r.data as DualTrackSettings;
  const issues = dualTrackIssues(value);
  return issues.length ? { ok: false, issues } : { ok: true, value };
}

/** The setting in force: the stored value if it passes, else the defaults. */
export function dualTrackSettings(raw: unknown): DualTrackSettings {
  const r = parseDualTrack(raw ?? {});
  return r.ok ? r.value : DUAL_TRACK_DEFAULTS;
}

export interface ScoredIndicator { key: DualKey; raw: number | null; score: number | null; weight: number; effectiveWeight: number; points: number | null }

/**
 * The composite of one outlet: a missing value (raw null) is left out and the other weights are
 * scaled up so they again make 100%; null when nothing at all is known.
 */
export function composite(w: Weights, curves: Record<DualKey, Curve>, raws: Partial<Record<DualKey, number | null>>): { indicators: ScoredIndicator[]; composite: number | null; renormalised: boolean } {
  const known = DUAL_KEYS.filter((k) => raws[k] !== null && raws[k] !== undefined && w[k] > 0);
  const knownWeight = known.reduce((n, k) => n + w[k], 0);
  const scale = knownWeight > 0 ? 100 / knownWeight : 0;
  const indicators = DUAL_KEYS.map((key): ScoredIndicator => {
    const raw = raws[key] ?? null;
    const score = raw === null ? null : scoreOf(raw, curves[key]);
    const effectiveWeight = raw === null ? 0 : w[key] * scale;
    return { key, raw, score, weight: w[key], effectiveWeight, points: score === null ? null : (score * effectiveWeight) / 100 };
  });
  return {
    indicators,
    composite: knownWeight > 0 ? indicators.reduce((n, i) => n + (i.points ?? 0), 0) : null,
    renormalised: knownWeight > 0 && Math.abs(knownWeight - 100) > 1e-9,
  };
}
