// Operations of organisation life and instructor work (issue 5), and their result shapes.
import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityType } from '../domain/enums.js';
import type { ComplianceRow, OrgComplianceSummary } from './compliance.js';
import type { DueItem } from './due.js';
import type { InstructorDuty } from './duties.js';
import { daysBetween } from './periods.js';
import type { Quorum, Votes } from './quorum.js';
import type { OrgLifeSettings } from './settings.js';
import { activityInput } from './schemas.js';
import { enumOf, id, isoDate, name, page } from '../core/schemas.js';
import { read, write } from '../contract/define.js';
import type { Page } from '../contract/define.js';

export type ActivityStatus = 'held' | 'planned';
export type AttendanceStatus = 'present' | 'absent' | 'excused';

export interface ActivityRow {
  id: string;
  type: ActivityType;
  status: ActivityStatus;
  title: string;
  heldOn: string;
  startTime: string | null;
  orgId: string | null;
  orgName: string | null;
  groupName: string | null;
  instructorName: string | null;
  outletNames: string[];
  place: string | null;
  topic: string | null;
  expected: number;
  present: number;
  attachmentCount: number;
  recordedBy: string | null;
  synthetic: boolean;
  updatedAt: string;
}

export interface AttendanceMark {
  personId: string;
  name: string;
  status: AttendanceStatus;
  reason: string | null;
  probationary: boolean;
}

export interface AttachmentMeta {
  id: string;
  kind: 'photo' | 'file';
  sha256: string;
  thumbSha256: string | null;
  mime: string;
  size: number;
  fileName: string;
}

export interface ResolutionRecord {
  text: string;
  votes: Votes | null;
  /** Computed by the backend from the attendance (null when not voted). */
  passed: boolean | null;
  needed: number | null;
}

export interface ActivityDetails {
  lecturerName?: string | null;
  services?: string | null;
  goal?: string | null;
  result?: string | null;
  talkeePersonId?: string | null;
  talkeeName?: string | null;
  talkerViews?: string | null;
  talkeeViews?: string | null;
  problems?: string | null;
  followUp?: string | null;
}

export interface ActivityDetail extends Omit<ActivityRow, 'outletNames' | 'expected' | 'present' | 'attachmentCount'> {
  groupId: string | null;
  instructorId: string | null;
  durationMin: number | null;
  hostPersonId: string | null;
  hostName: string | null;
  recorderPersonId: string | null;
  recorderName: string | null;
  lecturerPersonId: string | null;
  lecturerName: string | null;
  agenda: string | null;
  minutes: string | null;
  resolutions: ResolutionRecord[];
  reachCount: number | null;
  details: ActivityDetails;
  outlets: { id: string; name: string }[];
  attendance: AttendanceMark[];
  attachments: AttachmentMeta[];
  quorum: Quorum | null;
  deviceId: string | null;
  scopePath: string;
  createdAt: string;
}

export interface RosterMember {
  personId: string;
  name: string;
  probationary: boolean;
  outletName: string | null;
  groupId: string | null;
  groupName: string | null;
  mobility: string;
}

export interface StoredBlob {
  sha256: string;
  thumbSha256: string | null;
  mime: string;
  size: number;
  kind: 'photo' | 'file';
}

export interface BlobContent {
  mime: string;
  fileName: string;
  dataBase64: string;
  /** The record is here but its file has not reached this device yet (sync brings it); dataBase64 is empty. */
  notSynced?: true;
}

export interface InstructorAssignment {
  id: string;
  instructorId: string;
  instructorName: string;
  outletId: string;
  outletName: string;
  outletCode: string;
  isContactPoint: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface ComplianceReport {
  from: string;
  to: string;
  asOf: string;
  orgs: OrgComplianceSummary[];
  rows: ComplianceRow[];
}

export interface DutyReport {
  from: string;
  to: string;
  asOf: string;
  instructors: InstructorDuty[];
}

export interface DueReport {
  asOf: string;
  items: DueItem[];
  /** The instructor records that are the signed-in user (matched by name): 只看我的 keeps their items. */
  myInstructorIds: string[];
}

export interface CalendarEntry {
  id: string;
  type: ActivityType;
  status: ActivityStatus;
  title: string;
  heldOn: string;
  orgName: string | null;
}

export interface CalendarMonth {
  month: string;
  activities: CalendarEntry[];
  due: DueItem[];
}

export interface RecordBookEntry {
  id: string;
  type: ActivityType;
  title: string;
  heldOn: string;
  startTime: string | null;
  durationMin: number | null;
  place: string | null;
  hostName: string | null;
  recorderName: string | null;
  lecturerName: string | null;
  groupName: string | null;
  topic: string | null;
  agenda: string | null;
  minutes: string | null;
  resolutions: ResolutionRecord[];
  expected: number;
  present: number;
  presentNames: string[];
  absent: { name: string; status: AttendanceStatus; reason: string | null }[];
  quorum: Quorum | null;
  attachmentCount: number;
}

export interface RecordBook {
  org: { id: string; name: string; unitName: string; secretaryName: string | null; memberCount: number };
  from: string;
  to: string;
  entries: RecordBookEntry[];
}

const byId = z.strictObject({ id });
const types = z.array(enumOf(ACTIVITY_TYPES)).max(17).optional();

/** A period [from, to] of at most five years. */
const period = {
  from: isoDate,
  to: isoDate,
  asOf: isoDate.optional(),
};
const periodChecks = <T extends { from: string; to: string }>(s: z.ZodType<T>) =>
  s
    .refine((p) => p.to >= p.from, { message: 'period.order', path: ['to'] })
    .refine((p) => daysBetween(p.from, p.to) <= 5 * 366, { message: 'period.too_long', path: ['to'] });

export const orgLifeContract = {
  'activities.list': read<Page<ActivityRow>>()(
    z.strictObject({
      unitId: id.optional(),
      orgId: id.optional(),
      instructorId: id.optional(),
      outletId: id.optional(),
      types,
      status: z.enum(['held', 'planned']).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      q: z.string().max(100).optional(),
      ...page,
    }),
  ),
  'activities.get': read<ActivityDetail>()(byId),
  'activities.save': write<ActivityDetail>()(activityInput),
  'activities.delete': write<{ id: string }>()(byId),
  /** The expected attendance of an activity: the organisation's members (its group's, its committee's). */
  'activities.roster': read<RosterMember[]>()(
    z.strictObject({ orgId: id, type: enumOf(ACTIVITY_TYPES).optional(), groupId: id.optional(), on: isoDate.optional() }),
  ),

  /** Stores a photo or file (base64) content-addressed; nothing links it until an activity is saved. */
  'attachments.put': write<StoredBlob>()(
    z.strictObject({
      fileName: name(120),
      kind: z.enum(['photo', 'file']),
      dataBase64: z.string().min(1).max(20_000_000),
      thumbBase64: z.string().max(1_000_000).nullable().optional(),
    }),
  ),
  'attachments.read': read<BlobContent>()(z.strictObject({ id, variant: z.enum(['thumb', 'full']).default('thumb') })),

  'instructorAssignments.list': read<InstructorAssignment[]>()(
    z.strictObject({ instructorId: id.optional(), unitId: id.optional(), current: z.boolean().default(true) }),
  ),
  'instructorAssignments.save': write<InstructorAssignment>()(
    z.strictObject({ instructorId: id, outletId: id, validFrom: isoDate, isContactPoint: z.boolean().default(true) }),
  ),
  'instructorAssignments.end': write<InstructorAssignment>()(z.strictObject({ id, validTo: isoDate })),

  'orgLife.settings': read<OrgLifeSettings>()(z.strictObject({})),
  'orgLife.compliance': read<ComplianceReport>()(periodChecks(z.strictObject({ unitId: id.optional(), orgId: id.optional(), ...period }))),
  'orgLife.duties': read<DutyReport>()(periodChecks(z.strictObject({ unitId: id.optional(), instructorId: id.optional(), ...period }))),
  'orgLife.due': read<DueReport>()(z.strictObject({ unitId: id.optional(), asOf: isoDate.optional() })),
  'orgLife.calendar': read<CalendarMonth>()(
    z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' }), unitId: id.optional(), orgId: id.optional() }),
  ),
  'orgLife.recordBook': read<RecordBook>()(periodChecks(z.strictObject({ orgId: id, types, ...period }))),
} as const;
