// Input of an activity record (组织生活 and channel work). Type-specific requirements come from
// shared/orglife/activityKinds.ts; checks that need the store (membership, quorum) run in db/orglife.
import { todayInBeijing } from '../core/dates.js';
import { z } from 'zod';
import { ACTIVITY_TYPES, ATTENDANCE_STATUS } from '../domain/enums.js';
import { ACTIVITY_KINDS, type ActivityField } from './activityKinds.js';
import { enumOf, id, isoDate, optId } from '../core/schemas.js';

const count = (max: number) => z.number().int().min(0).max(max);

// Records are written in Chinese: full-width punctuation (，。：) is kept as typed, unlike codes
// and ids, which common.ts folds to half-width.
const oneLine = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();
const block = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[ \t\u3000]+$/gm, '').trim();
const line = (max: number) => z.string().max(max * 2).transform(oneLine).pipe(z.string().min(1).max(max));
const optClean = (clean: (s: string) => string, max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => clean(s) || null)
    .pipe(z.string().max(max).nullable())
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const optText = (max: number) => optClean(oneLine, max);
const optBlock = (max: number) => optClean(block, max);
const nullable = <T extends z.ZodTypeAny>(t: T) => t.nullable().optional().transform((v) => v ?? null);

export const SHA256_RE = /^[0-9a-f]{64}$/;

export const votesInput = z.strictObject({ yes: count(10_000), no: count(10_000), abstain: count(10_000) });

export const resolutionInput = z.strictObject({
  text: line(500),
  votes: nullable(votesInput),
});

export const attendanceInput = z.strictObject({
  personId: id,
  status: enumOf(ATTENDANCE_STATUS),
  reason: optText(100),
});

export const activityDetailsInput = z
  .strictObject({
    lecturerName: optText(40),
    services: optBlock(500),
    goal: optBlock(500),
    result: optBlock(1000),
    talkeePersonId: optId,
    talkeeName: optText(40),
    talkerViews: optBlock(2000),
    talkeeViews: optBlock(2000),
    problems: optBlock(2000),
    followUp: optBlock(1000),
  })
  .partial();

export const attachmentRef = z.strictObject({
  sha256: z.string().regex(SHA256_RE, { message: 'attachment.hash' }),
  thumbSha256: nullable(z.string().regex(SHA256_RE, { message: 'attachment.hash' })),
  name: line(120),
});

export const ACTIVITY_STATUS = { held: { zh: '已举行', en: 'Held' }, planned: { zh: '计划', en: 'Planned' } } as const;

// Reported as an empty required text, which shared/errors.ts words as "<label>为必填项".
const required = (ctx: z.RefinementCtx, path: (string | number)[]) =>
  ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path });

export const activityInput = z
  .strictObject({
    id: id.optional(),
    type: enumOf(ACTIVITY_TYPES),
    status: z.enum(['held', 'planned']).default('held'),
    orgId: optId,
    groupId: optId,
    instructorId: optId,
    title: line(120),
    heldOn: isoDate,
    startTime: nullable(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' })),
    durationMin: nullable(z.number().int().min(1).max(24 * 60)),
    place: optText(100),
    hostPersonId: optId,
    recorderPersonId: optId,
    lecturerPersonId: optId,
    topic: optText(200),
    agenda: optBlock(2000),
    minutes: optBlock(20_000),
    resolutions: z.array(resolutionInput).max(30).default([]),
    reachCount: nullable(count(1_000_000)),
    details: activityDetailsInput.default({}),
    venueOutletIds: z.array(id).max(50).default([]),
    attendance: z.array(attendanceInput).max(500).default([]),
    attachments: z.array(attachmentRef).max(30).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.status === 'held' && a.heldOn > todayInBeijing()) ctx.addIssue({ code: 'custom', message: 'activity.future', path: ['heldOn'] });
    const seen = new Set<string>();
    a.attendance.forEach((m, i) => {
      if (seen.has(m.personId)) ctx.addIssue({ code: 'custom', message: 'attendance.duplicate', path: ['attendance', i, 'personId'] });
      seen.add(m.personId);
      if (m.status !== 'present' && !m.reason) ctx.addIssue({ code: 'custom', message: 'attendance.reason', path: ['attendance', i, 'reason'] });
    });
    if (a.attendance.length && !a.orgId) ctx.addIssue({ code: 'custom', message: 'attendance.org_required', path: ['orgId'] });
    if (a.type === 'instructor_visit' && a.venueOutletIds.length > 1) ctx.addIssue({ code: 'custom', message: 'visit.one_outlet', path: ['venueOutletIds'] });
    a.resolutions.forEach((r, i) => {
      if (r.votes && !ACTIVITY_KINDS[a.type].fields.includes('votes')) ctx.addIssue({ code: 'custom', message: 'votes.not_for_type', path: ['resolutions', i, 'votes'] });
    });
    // A planned record may be incomplete; a held one has what its type needs.
    if (a.status !== 'held') return;
    const d = a.details;
    const checks: Record<ActivityField, () => (string | number)[] | null> = {
      host: () => (a.hostPersonId ? null : ['hostPersonId']),
      recorder: () => (a.recorderPersonId ? null : ['recorderPersonId']),
      lecturer: () => (a.lecturerPersonId || d.lecturerName ? null : ['lecturerPersonId']),
      topic: () => (a.topic ? null : ['topic']),
      agenda: () => (a.agenda ? null : ['agenda']),
      minutes: () => (a.minutes ? null : ['minutes']),
      resolutions: () => null,
      votes: () => null,
      attendance: () => (a.attendance.length ? null : ['attendance']),
      group: () => (a.groupId ? null : ['groupId']),
      reach: () => (a.reachCount !== null ? null : ['reachCount']),
      services: () => (d.services ? null : ['details', 'services']),
      talkSides: () => (!(a.hostPersonId || a.instructorId) ? ['hostPersonId'] : d.talkeePersonId || d.talkeeName ? null : ['details', 'talkeeName']),
      goalResult: () => (!d.goal ? ['details', 'goal'] : d.result ? null : ['details', 'result']),
      instructor: () => (a.instructorId ? null : ['instructorId']),
      visit: () => (a.minutes ? null : ['minutes']),
      outlets: () => (a.venueOutletIds.length ? null : ['venueOutletIds']),
    };
    for (const f of ACTIVITY_KINDS[a.type].required) {
      const path = checks[f]();
      if (path) required(ctx, path);
    }
  });
export type ActivityInput = z.input<typeof activityInput>;
export type ActivityParsed = z.output<typeof activityInput>;
