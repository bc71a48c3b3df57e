// The recruit pipeline: per 100 members ~15 applicants, 7 activists, 2 candidates, plus the
// pipeline record of every probationary member. Activists are cultivated ≥1 year before candidacy.
import { emit, quota, synced, type CountyModel, type Gen, type OrgRec, type PersonRec } from './model.js';
import { addDays, addMonths, addYears, randomDay, type Rng } from './prng.js';

function helpers(rng: Rng, org: OrgRec | null, n: number): string[] {
  const full = (org?.members ?? []).filter((x) => !x.probationary).map((x) => x.person.id);
  return rng.sample(full, n);
}

interface Stages {
  stage: string;
  applied_on: string;
  activist_on: string | null;
  candidate_on: string | null;
  probationary_on: string | null;
  hours: number;
}

/** Stage dates working back from the latest stage reached. */
function stagesFor(rng: Rng, today: string, stage: string, joinDate?: string): Stages {
  const applied = (activist: string) => randomDay(rng, addMonths(activist, -12), addMonths(activist, -1));
  const activistBefore = (candidate: string) => randomDay(rng, addYears(candidate, -2), addDays(addYears(candidate, -1), -1));
  switch (stage) {
    case 'applicant':
      return { stage, applied_on: randomDay(rng, addYears(today, -2), addDays(today, -14)), activist_on: null, candidate_on: null, probationary_on: null, hours: rng.int(0, 8) };
    case 'activist': {
      const a = randomDay(rng, addYears(today, -3), addDays(today, -30));
      return { stage, applied_on: applied(a), activist_on: a, candidate_on: null, probationary_on: null, hours: rng.int(8, 40) };
    }
    case 'candidate': {
      const c = randomDay(rng, addYears(today, -1), addDays(today, -14));
      const a = activistBefore(c);
      return { stage, applied_on: applied(a), activist_on: a, candidate_on: c, probationary_on: null, hours: rng.int(24, 60) };
    }
    default: {
      const c = randomDay(rng, addMonths(joinDate!, -9), addMonths(joinDate!, -3));
      const a = activistBefore(c);
      return { stage, applied_on: applied(a), activist_on: a, candidate_on: c, probationary_on: joinDate!, hours: rng.int(40, 80) };
    }
  }
}

function addRecruit(g: Gen, m: CountyModel, p: PersonRec, s: Stages): void {
  const rng = m.rng;
  const org = p.member?.org ?? p.outlet.org ?? m.countyOrg;
  const cultivators = s.activist_on ? helpers(rng, org, rng.int(1, 2)) : [];
  const introducers = s.candidate_on ? helpers(rng, org, 2) : [];
  emit(m, 'recruits', {
    id: g.ids.next(), person_id: p.id, stage: s.stage, applied_on: s.applied_on, activist_on: s.activist_on, candidate_on: s.candidate_on,
    probationary_on: s.probationary_on, full_on: null, cancelled_on: null, cultivator1_id: cultivators[0] ?? null,
    cultivator2_id: cultivators[1] ?? null, introducer1_id: introducers[0] ?? null, introducer2_id: introducers[1] ?? null,
    training_hours: s.hours, ...synced(p.row.scope_path as string, g.stamp),
  });
  p.taken = true;
}

export function buildRecruits(g: Gen, m: CountyModel): void {
  const rng = m.rng;
  const members = m.outlets.flatMap((o) => o.members);
  for (const mem of members) if (mem.probationary) addRecruit(g, m, mem.person, stagesFor(rng, g.today, 'probationary', mem.joinDate));

  const eligible = (p: PersonRec) => {
    const year = Number((p.row.birth_date as string).slice(0, 4));
    const status = p.row.political_status;
    return !p.member && !p.duplicate && !p.taken && year >= 1980 && (status === 'masses' || status === 'youth_league');
  };
  // Branches cultivate people where they are: covered outlets first, then the rest.
  const covered = rng.shuffle(m.outlets.filter((o) => o.org).flatMap((o) => o.people.filter(eligible)));
  const others = rng.shuffle(m.outlets.filter((o) => !o.org).flatMap((o) => o.people.filter(eligible)));
  const queue = [...covered, ...others];
  const want: [string, number][] = [['candidate', 0.02], ['activist', 0.07], ['applicant', 0.15]];
  for (const [stage, rate] of want) {
    for (let i = quota(rng, members.length, rate); i > 0; i--) {
      const p = queue.shift();
      if (!p) return;
      addRecruit(g, m, p, stagesFor(rng, g.today, stage));
    }
  }
}
