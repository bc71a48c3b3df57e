// Operations on people: the registry, the outlet census, import/export, duplicates, coverage,
// member lifecycle and privacy. Result types: ./types.ts and ./personTypes.ts.
import { z } from 'zod';
import { peopleFilter } from './schemas/filter.js';
import { MOBILITY, RECRUIT_STAGES, STANDINGS } from '../domain/enums.js';
import type { PersonDetail, PersonRow } from './personTypes.js';
import type { AttendedRow, HostedRow, PersonRecord } from './recordTypes.js';
import { personInput } from './schemas/person.js';
import { probationExtendInput } from './probation.js';
import { enumOf, id, isoDate, optText, page } from '../core/schemas.js';
import { rosterCommitInput, rosterImportInput } from './schemas/import.js';
import { BREACH_KINDS } from './rules.js';
import type {
  AuditEntry, BreachRow, CensusOutlet, CoverageOutletRow, CoverageSummary, DuplicateGroup, HistoryEntry,
  ImportPreview, ImportResult, LostContactRow, MergeResult, MobilityRow, PipelineRow, RankingRow, RevealedIds,
} from './types.js';
import { read, write, type FilePayload, type Page } from '../contract/define.js';

const byId = z.strictObject({ id });
const unitScope = { unitId: id.optional() };

export const EXPORT_LISTS = [
  'roster', 'uncovered', 'no_instructor', 'ranking_county', 'ranking_grid', 'breaches', 'pipeline', 'mobility', 'lost_contact',
  'duplicates', 'audit',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const breachKind = z.enum(Object.keys(BREACH_KINDS) as [keyof typeof BREACH_KINDS, ...(keyof typeof BREACH_KINDS)[]]);

const lifecycleChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('standing'), standing: enumOf(STANDINGS), on: isoDate, reason: optText(200) }),
  z.strictObject({
    kind: z.literal('mobility'), mobility: enumOf(MOBILITY), on: isoDate, destination: optText(100), cardNo: optText(40), reason: optText(200),
  }),
  z.strictObject({ kind: z.literal('lost_contact'), lost: z.boolean(), on: isoDate, reason: optText(200) }),
]);

export const peopleContract = {
  // The registry: search (FTS, digits by role), masked detail, save with history of standing.
  'people.list': read<Page<PersonRow>>()(peopleFilter.extend(page)),
  'people.get': read<PersonDetail>()(byId),
  'people.save': write<PersonDetail>()(personInput),
  'people.delete': write<{ id: string }>()(byId),

  // Privacy: full values only through an explicit, logged reveal (county organisers and HQ).
  // A read by kind: auditors may look at logs and masked lists; the log row is written by the handler.
  'people.reveal': read<RevealedIds>()(byId),
  'registry.audit': read<Page<AuditEntry>>()(
    z.strictObject({ kind: z.enum(['export', 'reveal', 'import']).optional(), ...page }),
  ),

  'census.outlet': read<CensusOutlet>()(z.strictObject({ outletId: id })),

  'people.history': read<HistoryEntry[]>()(z.strictObject({ personId: id })),
  // A person as a record (the read view): masked detail, standing history, probation end, counts;
  // the organisational life they attended and the activities they hosted, recorded or lectured, paged.
  'people.record': read<PersonRecord>()(byId),
  'people.attended': read<Page<AttendedRow>>()(z.strictObject({ personId: id, ...page })),
  'people.hosted': read<Page<HostedRow>>()(z.strictObject({ personId: id, ...page })),
  'members.recordChange': write<PersonDetail>()(z.strictObject({ personId: id, change: lifecycleChange })),
  /** Extend a probation once by 6–12 months (shared/people/probation.ts); answers the person record. */
  'members.extendProbation': write<PersonRecord>()(probationExtendInput),
  'recruits.pipeline': read<Page<PipelineRow>>()(
    z.strictObject({ ...unitScope, stages: z.array(enumOf(RECRUIT_STAGES)).max(6).optional(), dueOnly: z.boolean().optional(), ...page }),
  ),
  'recruits.advance': write<PipelineRow>()(
    z.strictObject({
      personId: id,
      to: z.enum(['activist', 'candidate', 'probationary', 'full', 'cancelled']),
      on: isoDate,
      /** Needed when a candidate is admitted as a probationary member. */
      branchId: id.optional(),
    }),
  ),
  'members.mobilityRegister': read<Page<MobilityRow>>()(
    z.strictObject({ ...unitScope, direction: z.enum(['outbound', 'inbound']).optional(), ...page }),
  ),
  'members.lostContactRegister': read<Page<LostContactRow>>()(z.strictObject({ ...unitScope, ...page })),

  'duplicates.list': read<DuplicateGroup[]>()(z.strictObject({ ...unitScope })),
  'duplicates.merge': write<MergeResult>()(
    z.strictObject({ survivorId: id, loserId: id, reason: z.enum(['citizen_id', 'name_birth', 'pinyin_phone', 'manual']) }),
  ),

  'coverage.summary': read<CoverageSummary>()(z.strictObject({ ...unitScope })),
  'coverage.outlets': read<Page<CoverageOutletRow>>()(
    z.strictObject({ ...unitScope, kind: z.enum(['uncovered', 'no_instructor']), ...page }),
  ),
  'coverage.ranking': read<RankingRow[]>()(z.strictObject({ ...unitScope, level: z.enum(['county', 'grid']) })),
  'coverage.breaches': read<BreachRow[]>()(z.strictObject({ ...unitScope, kind: breachKind.optional() })),

  'roster.template': read<FilePayload>()(z.strictObject({})),
  // Preview writes nothing; it is a read so that it never holds the write lock while parsing.
  'roster.preview': read<ImportPreview>()(rosterImportInput),
  'roster.commit': write<ImportResult>()(rosterCommitInput),
  // Exports are reads that log themselves: auditors export masked lists too, and every export is recorded.
  'registry.export': read<FilePayload>()(
    z.strictObject({
      list: z.enum(EXPORT_LISTS),
      filter: peopleFilter.optional(),
      ...unitScope,
      level: z.enum(['county', 'grid']).optional(),
      kind: z.string().max(40).optional(),
      /** Full ids and phones in the file; refused for roles that may not see them. */
      fullIds: z.boolean().default(false),
    }),
  ),
} as const;
