// The dual-track rules: weight sets refused below the channel type's party share or off 100%,
// score curves at every cut point and beyond, and the composite re-normalised when a value is missing.
import { describe, expect, it } from 'vitest';
import { DUAL_TRACK_DEFAULTS, composite, dualTrackSettings, parseDualTrack, scoreOf, type Weights } from '../../shared/assessment/dualTrack.js';
import { assertAssessmentSetting } from '../../shared/assessment/thresholds.js';
import { ApiError } from '../../shared/core/errors.js';

const w = (party: [number, number, number, number], business: [number, number, number, number]): Weights => ({
  org_coverage: party[0], org_life: party[1], vanguard: party[2], instructor_duty: party[3],
  revenue_growth: business[0], core_penetration: business[1], satisfaction: business[2], complaint_rate: business[3],
});
const refusal = (value: unknown) => {
  try {
    assertAssessmentSetting('assessment.dual_track', value);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  return null;
};

describe('dual-track weights', () => {
  it('accepts the defaults: every channel type sums to 100 and meets its party share', () => {
    expect(parseDualTrack({}).ok).toBe(true);
    expect(refusal({})).toBeNull();
    expect(DUAL_TRACK_DEFAULTS.minParty).toMatchObject({ own_store: 40, flagship: 40, gov_ent: 40, social_partner: 30, rural: 30 });
  });

  it('refuses an own store below 40% party share, and accepts exactly 40%', () => {
    const e = refusal({ weights: { own_store: w([10, 10, 10, 9], [16, 15, 15, 15]) } });
    expect(e?.messageZh).toBe('“自有营业厅”的党建指标权重合计 39%，低于该渠道类型的下限 40%');
    expect(e?.messageEn).toContain('below this channel type');
    expect(refusal({ weights: { own_store: w([10, 10, 10, 10], [15, 15, 15, 15]) } })).toBeNull();
    expect(refusal({ weights: { gov_ent: w([5, 10, 10, 10], [20, 15, 15, 15]) } })?.messageZh).toContain('政企中心');
    expect(refusal({ weights: { flagship: w([5, 10, 10, 10], [20, 15, 15, 15]) } })?.messageZh).toContain('旗舰店');
  });

  it('refuses a rural or social channel below 30%, and accepts exactly 30%', () => {
    expect(refusal({ weights: { rural: w([10, 5, 10, 4], [21, 20, 15, 15]) } })?.messageZh).toContain('“乡村渠道”的党建指标权重合计 29%');
    expect(refusal({ weights: { social_partner: w([10, 5, 10, 4], [21, 20, 15, 15]) } })?.messageZh).toContain('社会合作网点');
    expect(refusal({ weights: { rural: w([10, 5, 10, 5], [20, 20, 15, 15]) } })).toBeNull();
  });

  it('refuses weights that do not make 100%, above or below', () => {
    expect(refusal({ weights: { own_store: w([10, 10, 10, 10], [15, 15, 15, 14]) } })?.messageZh).toBe('“自有营业厅”的权重合计为 99%，须等于 100%');
    expect(refusal({ weights: { rural: w([10, 10, 10, 10], [15, 15, 15, 16]) } })?.messageZh).toContain('101%');
  });

  it('refuses a malformed value and cut points that do not increase', () => {
    expect(refusal({ weights: { own_store: { org_coverage: 100 } } })?.messageZh).toBe('双轨考核设置的格式不正确');
    expect(refusal({ scoring: { satisfaction: [[85, 60], [85, 100]] } })?.messageZh).toContain('分段点须从小到大');
  });

  it('ignores a stored value that breaks a rule and keeps the defaults in force', () => {
    expect(dualTrackSettings({ weights: { own_store: w([0, 0, 0, 0], [25, 25, 25, 25]) } })).toEqual(DUAL_TRACK_DEFAULTS);
  });
});

describe('score curves', () => {
  const sat = DUAL_TRACK_DEFAULTS.scoring.satisfaction; // 70→0, 85→60, 95→100
  const complaints = DUAL_TRACK_DEFAULTS.scoring.complaint_rate; // 0→100, 5→60, 20→0
  it('clamps below the first and above the last cut point', () => {
    expect(scoreOf(10, sat)).toBe(0);
    expect(scoreOf(70, sat)).toBe(0);
    expect(scoreOf(95, sat)).toBe(100);
    expect(scoreOf(100, sat)).toBe(100);
  });
  it('is exact at cut points and linear between them', () => {
    expect(scoreOf(85, sat)).toBe(60);
    expect(scoreOf(77.5, sat)).toBe(30);
    expect(scoreOf(90, sat)).toBe(80);
    expect(scoreOf(5, complaints)).toBe(60);
    expect(scoreOf(12.5, complaints)).toBe(30);
    expect(scoreOf(25, complaints)).toBe(0);
  });
});

describe('composite', () => {
  const weights = DUAL_TRACK_DEFAULTS.weights.own_store;
  const curves = DUAL_TRACK_DEFAULTS.scoring;
  const full = { org_coverage: 1, org_life: 1, vanguard: 30, instructor_duty: 0, revenue_growth: 10, core_penetration: 60, satisfaction: 95, complaint_rate: 0 };
  it('is the weighted sum when every value is known', () => {
    expect(composite(weights, curves, full)).toMatchObject({ composite: 100, renormalised: false });
    const half = composite(weights, curves, { ...full, satisfaction: 85 });
    expect(half.composite).toBeCloseTo(94, 9);
  });
  it('leaves a missing value out and scales the other weights back to 100%', () => {
    const c = composite(weights, curves, { ...full, satisfaction: null, instructor_duty: null, revenue_growth: 0 });
    expect(c.renormalised).toBe(true);
    // known weight 75: revenue growth scores 60 at 15/75 of the total
    expect(c.indicators.find((i) => i.key === 'revenue_growth')!.effectiveWeight).toBeCloseTo(20, 9);
    expect(c.indicators.find((i) => i.key === 'satisfaction')).toMatchObject({ raw: null, score: null, effectiveWeight: 0, points: null });
    expect(c.composite).toBeCloseTo(100 - 40 * 0.2, 9);
  });
  it('is unknown when nothing is known', () => {
    expect(composite(weights, curves, {}).composite).toBeNull();
  });
});
