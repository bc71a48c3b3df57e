// The data-quality light (DOMAIN.md warnings table): the share of person records without a defect
// (a blank required field, a citizen id failing its check, a likely double registration), per
// outlet and unit, each defect named. Decided here on the suspects qualityFacts.ts returns, with
// the people counted per outlet and scope path: everyone else is sound.
import { FIELD_TEXT } from '../../shared/assessment/fieldText.js';
import { ratioLight } from '../../shared/assessment/lights.js';
import type { AssessmentSettings } from '../../shared/assessment/thresholds.js';
import type { Cause } from '../../shared/assessment/types.js';
import { citizenIdProblem } from '../../shared/domain/citizenId.js';
import type { LightSet } from './lightSet.js';
import { byUnit, type Subjects } from './measure.js';
import type { PersonFact, QualityFacts } from './qualityFacts.js';

/** People registered twice: every group of the suspects is whole (SQLite sends all who share an id or name and birth date). */
function duplicateIds(people: PersonFact[]): Set<string> {
  const out = new Set<string>();
  const group = (key: (p: PersonFact) => string | null, same: (a: PersonFact, b: PersonFact) => boolean) => {
    const by = new Map<string, PersonFact[]>();
    for (const p of people) {
      const k = key(p);
      if (k) (by.get(k) ?? by.set(k, []).get(k)!).push(p);
    }
    for (const list of by.values()) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (same(list[i]!, list[j]!)) out.add(list[i]!.id).add(list[j]!.id);
    }
  };
  group((p) => p.fields.citizen_id ?? null, () => true);
  // Same name and birth date: two people unless both ids are present and differ (as the duplicates screen says).
  group((p) => (p.fields.birth_date ? `${p.name}|${p.fields.birth_date}` : null), (a, b) => !(a.fields.citizen_id && b.fields.citizen_id && a.fields.citizen_id !== b.fields.citizen_id));
  return out;
}

function problemsOf(people: PersonFact[], s: AssessmentSettings): Map<string, Cause> {
  const dupes = duplicateIds(people);
  const problems = new Map<string, Cause>();
  for (const p of people) {
    const zh: string[] = [];
    const en: string[] = [];
    const blank = s.requiredFields.filter((f) => !p.fields[f]?.toString().trim());
    if (blank.length) {
      zh.push(`缺少${blank.map((f) => FIELD_TEXT[f].zh).join('、')}`);
      en.push(`missing ${blank.map((f) => FIELD_TEXT[f].en).join(', ')}`);
    }
    const id = p.fields.citizen_id;
    if (id && citizenIdProblem(id)) {
      zh.push('身份证号校验不通过');
      en.push('citizen id fails its check');
    }
    if (dupes.has(p.id)) {
      zh.push('疑似重复登记');
      en.push('likely registered twice');
    }
    if (zh.length) problems.set(p.id, { kind: 'person', id: p.id, name: p.name, detail: { zh: zh.join('；'), en: en.join('; ') } });
  }
  return problems;
}

/** Share of person records without a defect, per outlet and unit; each defect named. */
export function dataQuality(set: LightSet, subj: Subjects, q: QualityFacts, s: AssessmentSettings, placeOf: (path: string) => { countyId: string | null; gridId: string | null }): void {
  const problems = problemsOf(q.suspects, s);
  const flawed = q.suspects.filter((p) => problems.has(p.id));
  const light = (n: number, bad: PersonFact[]) => {
    const share = (n - bad.length) / n;
    return [ratioLight(share, s.thresholds.data_quality), share, bad.map((p) => problems.get(p.id)!)] as const;
  };
  const badByOutlet = new Map<string, PersonFact[]>();
  for (const p of flawed) if (p.outletId) (badByOutlet.get(p.outletId) ?? badByOutlet.set(p.outletId, []).get(p.outletId)!).push(p);
  for (const { outletId, n } of q.perOutlet) {
    const sub = subj.outlets.get(outletId);
    if (sub) set.add(sub, 'data_quality', ...light(n, badByOutlet.get(outletId) ?? []));
  }
  const total = new Map<string, number>();
  for (const [path, n] of q.perPath) {
    const p = placeOf(path);
    for (const id of [p.countyId, p.gridId]) if (id) total.set(id, (total.get(id) ?? 0) + n);
  }
  const badOf = byUnit(flawed, (p) => placeOf(p.scopePath));
  for (const u of subj.units) {
    const n = total.get(u.id) ?? 0;
    if (n) set.add(u, 'data_quality', ...light(n, badOf(u)));
  }
}
