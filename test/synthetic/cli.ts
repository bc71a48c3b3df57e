// npm run seed -- --counties N --seed S [--profile DIR] [--role county_organiser] [--scope PATH] [--today YYYY-MM-DD] [--force]
import { parseArgs } from 'node:util';
import type { Role } from '../../shared/domain/enums.js';
import type { GenerateSummary } from './generate.js';
import { ROLES, seedProfile } from './seedProfile.js';

function printSummary(s: GenerateSummary): void {
  const line = (k: string, v: unknown) => console.log(`  ${k.padEnd(26)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  line('cities / counties / grids', `${s.cities} / ${s.counties} / ${s.grids}`);
  line('outlets', s.outlets);
  line('outlets by type', s.outletsByType);
  line('outlets without member', `${s.outletsWithoutMembers} (${pct(s.outletsWithoutMembers, s.outlets)})`);
  line('people', s.people);
  line('members', s.members);
  line('probationary', `${s.probationary} (${pct(s.probationary, s.members)} of members)`);
  line('outbound', s.outbound);
  line('recruits by stage', s.recruitsByStage);
  line('party orgs (type/mode)', s.partyOrgsByType);
  line('party groups', s.partyGroups);
  line('committee seats', s.committeeSeats);
  line('instructors', `${s.instructors} (contact points ${s.contactPoints}, outlets without instructor ${s.outletsWithoutInstructor})`);
  line('activities', s.activities);
  line('activities by type', s.activitiesByType);
  line('attendance rows', s.attendance);
  line('injected defects', s.defects);
  line('rows written', s.rows);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      counties: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      today: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const counties = Number(values.counties);
  const seed = Number(values.seed);
  if (!Number.isInteger(counties) || counties < 1) throw new Error('--counties must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const role = (values.role ?? 'hq_admin') as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be YYYY-MM-DD');

  const r = await seedProfile({ counties, seed, dir: values.profile, role, scope: values.scope, today: values.today, force: values.force });
  if (!r.ok) {
    console.error(`${r.dir} already holds ${r.existingOutlets} outlets; pass --force to wipe it and generate again.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Synthetic province written to ${r.dir}`);
  console.log(`  profile: ${r.name} · role ${r.role} · scope ${r.scope}`);
  printSummary(r.summary);
  console.log(`  elapsed                    ${r.seconds.toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
