// settings.set for the assessment settings that now have screens: the windows and the required
// fields are refused with a message naming the field (Chinese and English) and nothing is stored;
// a good value is stored and changes what the board says; dual-track weights that break the party
// floor or do not make 100% are refused naming the channel type.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { DUAL_TRACK_DEFAULTS } from '../../shared/assessment/dualTrack.js';
import { assessmentSettingIssues } from '../../shared/assessment/thresholds.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld } from '../orglife/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
const NOW = new Date('2026-11-20T04:00:00Z');

beforeEach(async () => {
  p = await tempProfile();
  ctx = { ...p.context(), now: () => NOW, session: { ...p.session, role: 'county_organiser', userName: '县组织员' } };
});
afterEach(async () => p.cleanup());

async function refusal(key: string, value: unknown) {
  const r = await dispatch(ctx, 'settings.set', { key, value });
  if (r.ok) throw new Error(`${key} was stored`);
  return r.error;
}
const stored = async () => call(ctx, 'settings.get', {});

describe('assessment windows and required fields', () => {
  it('refuses a window out of range naming it, in both languages, and stores nothing', async () => {
    const e = await refusal('assessment.windows', { contactDays: 0, escalationDueDays: 30 });
    expect(e.message).toBe('“党建联系回看天数”须为 1–366 的整数');
    expect(e.messageEn).toBe('"Party-contact look-back (days)" must be a whole number from 1 to 366');
    expect(e.issues[0]!.path).toBe('contactDays');
    expect((await refusal('assessment.windows', { contactDays: 90, escalationDueDays: 367 })).message).toBe('“约谈和整改期限（天）”须为 1–366 的整数');
    expect((await refusal('assessment.windows', { contactDays: 90.5 })).message).toContain('党建联系回看天数');
    expect((await refusal('assessment.windows', { contactDays: 90, lookBack: 3 })).message).toBe('未知的窗口设置项“lookBack”');
    expect((await stored())['assessment.windows']).toBeUndefined();
  });

  it('refuses no required field or an unknown one, and stores nothing', async () => {
    expect((await refusal('assessment.requiredFields', [])).message).toBe('数据质量必填项至少选择一项');
    const e = await refusal('assessment.requiredFields', ['name', 'shoe_size']);
    expect(e.message).toBe('“shoe_size”不是可选的必填项');
    expect(e.messageEn).toBe('"shoe_size" is not a field that can be required');
    expect((await stored())['assessment.requiredFields']).toBeUndefined();
  });

  it('stores good values, which the board then uses', async () => {
    await buildWorld(ctx);
    await call(ctx, 'settings.set', { key: 'assessment.windows', value: { contactDays: 30, escalationDueDays: 10 } });
    await call(ctx, 'settings.set', { key: 'assessment.requiredFields', value: ['name', 'phone'] });
    const s = await call(ctx, 'assessment.settings', {});
    expect(s.windows).toEqual({ contactDays: 30, escalationDueDays: 10 });
    expect(s.requiredFields).toEqual(['name', 'phone']);
    const b = await call(ctx, 'assessment.board', { period: '2026-11' });
    const contact = b.lights.filter((l) => l.indicator === 'contact').flatMap((l) => l.causes);
    expect(contact.length).toBeGreaterThan(0);
    expect(contact.every((c) => c.detail?.zh === '近 30 天无党建活动或走访')).toBe(true);
  });
});

describe('dual-track weights', () => {
  const weights = (patch: Partial<typeof DUAL_TRACK_DEFAULTS.weights.own_store>) => ({ weights: { own_store: { ...DUAL_TRACK_DEFAULTS.weights.own_store, ...patch } } });

  it('refuses weights that do not make 100% or fall below the party floor, naming the channel type', async () => {
    const short = await refusal('assessment.dual_track', weights({ revenue_growth: 10 }));
    expect(short.message).toBe('“自有营业厅”的权重合计为 95%，须等于 100%');
    expect(short.issues[0]!.path).toBe('weights.own_store');
    const low = await refusal('assessment.dual_track', weights({ org_coverage: 5, revenue_growth: 20 }));
    expect(low.message).toBe('“自有营业厅”的党建指标权重合计 35%，低于该渠道类型的下限 40%');
    expect(low.messageEn).toBe('"Own store": the party indicators weigh 35%, below this channel type\'s floor of 40%');
    expect((await stored())['assessment.dual_track']).toBeUndefined();
    // The screen runs the very same check before sending anything.
    expect(assessmentSettingIssues('assessment.dual_track', weights({ revenue_growth: 10 }))[0]!.message).toBe(short.message);
  });

  it('stores a good set', async () => {
    await call(ctx, 'settings.set', { key: 'assessment.dual_track', value: weights({ org_coverage: 15, revenue_growth: 10 }) });
    expect((await stored())['assessment.dual_track']).toEqual(weights({ org_coverage: 15, revenue_growth: 10 }));
  });
});
