// npm run seed -- --counties N --seed S [--profile DIR] [--role county_organiser] [--scope PATH] [--today YYYY-MM-DD] [--years 1..10] [--force] [--passphrase P]
// npm run seed -- --counties N --seed S --list-scopes   (the scopes --scope takes, without generating)
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../../shared/domain/enums.js';
import type { GenerateSummary } from './generate.js';
import { provinceScopes, ROLES, seedProfile, SYNTHETIC_PASSPHRASE } from './seedProfile.js';

/** How many county scopes to show after seeding; --list-scopes shows them all. */
const SHOWN_AFTER_SEEDING = 5;

function printScopes(counties: number, seed: number): void {
  const indent = { hq: '  ', city: '    ', county: '      ' };
  for (const s of provinceScopes(counties, seed)) console.log(`${indent[s.level]}${s.path.padEnd(32 - indent[s.level].length)} ${s.name}`);
}

/** After seeding: the first few county scopes, and how to see them all. */
function printCountyScopes(counties: number, seed: number): void {
  const list = provinceScopes(counties, seed).filter((s) => s.level === 'county');
  console.log('County scopes (for --role county_organiser or instructor --scope …):');
  for (const s of list.slice(0, SHOWN_AFTER_SEEDING)) console.log(`  ${s.path.padEnd(30)} ${s.name}`);
  if (list.length > SHOWN_AFTER_SEEDING) console.log(`  … ${list.length} in all: npm run seed -- --counties ${counties} --seed ${seed} --list-scopes`);
}

function printExamples(counties: number, seed: number): void {
  const county = provinceScopes(counties, seed).find((s) => s.level === 'county')!.path;
  const base = `npm run seed -- --counties ${counties} --seed ${seed}`;
  const code = county.split('/').at(-2)!;
  console.log('A profile for each role (then: npm run serve -- --profile <the folder>):');
  console.log(`  ${base} --role hq_admin`);
  console.log(`  ${base} --role county_organiser --scope ${county} --profile profiles/organiser-${code}`);
  console.log(`  ${base} --role instructor --scope ${county} --profile profiles/instructor-${code}`);
  console.log(`  ${base} --role auditor --profile profiles/auditor`);
}

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
  line('rows written', `${s.rows} (${Math.round(s.rows / Math.max(0.001, s.writeSeconds))} rows/s written; ${s.buildSeconds.toFixed(1)} s building, ${s.writeSeconds.toFixed(1)} s writing)`);
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
      years: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      passphrase: { type: 'string', default: SYNTHETIC_PASSPHRASE },
      'list-scopes': { type: 'boolean', default: false },
    },
  });
  const counties = Number(values.counties);
  const seed = Number(values.seed);
  if (!Number.isInteger(counties) || counties < 1) throw new Error('--counties must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const role = (values.role ?? 'hq_admin') as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be YYYY-MM-DD');
  if (values['list-scopes']) {
    console.log(`Scopes of the synthetic province --counties ${counties} --seed ${seed} (for --scope; a county for county_organiser and instructor):`);
    printScopes(counties, seed);
    printExamples(counties, seed);
    return;
  }

  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new Error('--years must be an integer from 1 to 10');
  const r = await seedProfile({ counties, seed, dir: values.profile, role, scope: values.scope, today: values.today, years, force: values.force, passphrase: values.passphrase });
  if (!r.ok) {
    console.error(`${r.dir} already holds ${r.existingOutlets} outlets; pass --force to wipe it and generate again.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Synthetic province written to ${r.dir}`);
  console.log(`  profile: ${r.name} · role ${r.role} · scope ${r.scope}`);
  printSummary(r.summary);
  console.log(`  elapsed                    ${r.seconds.toFixed(1)} s`);
  const dir = relative(process.cwd(), r.dir);
  console.log(`Open it: npm run serve -- --profile ${dir.startsWith('..') || !dir ? r.dir : dir}`);
  console.log(`  and sign in with the passphrase ${values.passphrase === SYNTHETIC_PASSPHRASE ? `${SYNTHETIC_PASSPHRASE} (the default for synthetic profiles)` : 'given by --passphrase'}`);
  printCountyScopes(counties, seed);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
