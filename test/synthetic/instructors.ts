// Party-building instructors (党建指导员): 3–6 per county, each responsible for a few grids,
// with 3–6 contact-point outlets it must visit monthly; some outlets have no instructor.
import { emit, synced, type CountyModel, type Gen, type InstructorRec, type OutletRec } from './model.js';
import { personName } from './names.js';
import { addDays, addYears, randomDay } from './prng.js';

export function buildInstructors(g: Gen, m: CountyModel): void {
  const rng = m.rng;
  const n = rng.int(3, 6);
  const staff = m.outlets
    .filter((o) => o.type === 'own_store' || o.type === 'gov_ent')
    .flatMap((o) => o.members)
    .filter((x) => !x.probationary && !x.person.taken)
    .map((x) => x.person);
  const chosen = rng.sample(staff, n);
  const byGrid = new Map<string, InstructorRec>();
  const outletsOf = new Map<InstructorRec, { outlet: OutletRec; since: string }[]>();
  for (let i = 0; i < n; i++) {
    const person = rng.chance(0.75) ? chosen[i] : undefined;
    if (person) person.taken = true;
    const male = rng.chance(0.5);
    const name = person ? (person.row.name as string) : personName(rng, male, rng.int(1970, 1995));
    const ins: InstructorRec = { id: g.ids.next(), personId: person?.id ?? null, name, contactPoints: [] };
    emit(m, 'instructors', {
      id: ins.id, person_id: ins.personId, name, phone: person ? (person.row.phone as string) : g.persons.phone(rng), unit_id: m.id, active: 1,
      ...synced(m.path, g.stamp),
    });
    m.instructors.push(ins);
    outletsOf.set(ins, []);
  }
  rng.shuffle([...m.grids]).forEach((grid, i) => byGrid.set(grid.id, m.instructors[i % n]!));

  for (const o of m.outlets) {
    if (!rng.chance(0.92)) continue; // not yet assigned to anyone
    const ins = o.grid ? byGrid.get(o.grid.id)! : m.instructors[0]!;
    o.row.instructor_id = ins.id;
    const from = o.row.opened_on as string;
    const earliest = from > addYears(g.today, -3) ? from : addYears(g.today, -3);
    const since = randomDay(rng, earliest, addDays(g.today, -35));
    outletsOf.get(ins)!.push({ outlet: o, since });
    emit(m, 'instructor_assignments', {
      id: g.ids.next(), instructor_id: ins.id, outlet_id: o.id, valid_from: since, valid_to: null, ...synced(o.scope, g.stamp),
    });
  }
  // Contact points: preferably outlets with members, then the busiest others.
  for (const ins of m.instructors) {
    const mine = outletsOf.get(ins)!;
    const withMembers = rng.shuffle(mine.filter((x) => x.outlet.members.length));
    const rest = rng.shuffle(mine.filter((x) => !x.outlet.members.length));
    for (const cp of [...withMembers, ...rest].slice(0, rng.int(3, 6))) {
      cp.outlet.row.is_contact_point = 1;
      ins.contactPoints.push(cp);
    }
  }
}
