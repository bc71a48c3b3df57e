// Between the activity form's values and the contract's input (the shape the shared schema checks).
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import type { ActivityDetail } from '../../../../shared/orglife/contract.js';
import type { SettlePeriod } from '../../../../shared/orglife/due.js';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/domain/enums.js';
import { hasField } from '../../../../shared/orglife/activityKinds.js';
import type { ActivityInput } from '../../../../shared/orglife/schemas.js';
import type { AttachmentItem } from '../../../components/AttachmentsField';
import type { MarkItem } from './AttendanceEditor';
import type { ResolutionItem } from './ResolutionsEditor';

/** What a due item or a button fills in before the user starts. */
export interface Preset {
  type?: ActivityType;
  orgId?: string;
  groupId?: string;
  instructorId?: string;
  outletId?: string;
  /** Settling a due item: the form is dated inside that item's period. */
  period?: SettlePeriod;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FormValues = Record<string, any>;

const blank = (v: unknown) => (v === undefined || v === '' ? null : (v as string));

export function initialValues(detail?: ActivityDetail, preset?: Preset): FormValues {
  if (detail) {
    return {
      ...detail, heldOn: dayjs(detail.heldOn), details: { ...detail.details },
      venueOutletIds: detail.outlets.map((o) => o.id),
    };
  }
  return {
    type: preset?.type ?? 'theme_day', status: 'held', orgId: preset?.orgId, groupId: preset?.groupId, instructorId: preset?.instructorId,
    venueOutletIds: preset?.outletId ? [preset.outletId] : [], heldOn: dayjs(preset?.period?.on ?? todayInBeijing()), details: {},
  };
}

export function autoTitle(type: ActivityType, heldOn: Dayjs | undefined, topic: string | undefined, lang: 'zh' | 'en'): string {
  const label = ACTIVITY_TYPES[type][lang];
  if (lang === 'en') return topic ? `${label}: ${topic}` : `${label} ${heldOn?.format('YYYY-MM') ?? ''}`.trim();
  const when = heldOn ? `${heldOn.year()}年${heldOn.month() + 1}月` : '';
  return topic ? `${when}${label}：${topic}` : `${when}${label}`;
}

export function marksFromDetail(d: ActivityDetail): MarkItem[] {
  return d.attendance.map((m) => ({ personId: m.personId, name: m.name, probationary: m.probationary, status: m.status, reason: m.reason }));
}

export function resolutionsFromDetail(d: ActivityDetail): ResolutionItem[] {
  return d.resolutions.map((r) => ({ text: r.text, voted: !!r.votes, yes: r.votes?.yes ?? null, no: r.votes?.no ?? null, abstain: r.votes?.abstain ?? null }));
}

export function attachmentsFromDetail(d: ActivityDetail): AttachmentItem[] {
  return d.attachments.map((a) => ({ id: a.id, sha256: a.sha256, thumbSha256: a.thumbSha256, name: a.fileName, kind: a.kind, size: a.size }));
}

/** The contract input; fields the chosen type does not record are left empty. */
export function toInput(v: FormValues, marks: MarkItem[], resolutions: ResolutionItem[], attachments: AttachmentItem[], lang: 'zh' | 'en', id?: string): ActivityInput {
  const type = v.type as ActivityType;
  const has = (f: Parameters<typeof hasField>[1]) => hasField(type, f);
  const d = v.details ?? {};
  const topic = blank(v.topic?.trim?.() ?? v.topic);
  return {
    ...(id ? { id } : {}),
    type,
    status: v.status ?? 'held',
    orgId: blank(v.orgId),
    groupId: has('group') ? blank(v.groupId) : null,
    instructorId: has('instructor') ? blank(v.instructorId) : null,
    title: (v.title ?? '').trim() || autoTitle(type, v.heldOn, topic ?? undefined, lang),
    heldOn: v.heldOn ? (v.heldOn as Dayjs).format('YYYY-MM-DD') : '',
    startTime: blank(v.startTime),
    durationMin: v.durationMin ?? null,
    place: blank(v.place),
    hostPersonId: has('host') || has('talkSides') ? blank(v.hostPersonId) : null,
    recorderPersonId: has('recorder') ? blank(v.recorderPersonId) : null,
    lecturerPersonId: has('lecturer') ? blank(v.lecturerPersonId) : null,
    topic: has('topic') ? topic : null,
    agenda: has('agenda') ? blank(v.agenda) : null,
    minutes: has('minutes') || has('visit') ? blank(v.minutes) : null,
    reachCount: has('reach') ? (v.reachCount ?? null) : null,
    venueOutletIds: has('outlets') ? (v.venueOutletIds ?? []) : [],
    details: {
      ...(has('lecturer') ? { lecturerName: blank(d.lecturerName) } : {}),
      ...(has('services') ? { services: blank(d.services) } : {}),
      ...(has('goalResult') ? { goal: blank(d.goal), result: blank(d.result) } : {}),
      ...(has('talkSides') ? { talkeePersonId: blank(d.talkeePersonId), talkeeName: blank(d.talkeeName), talkerViews: blank(d.talkerViews), talkeeViews: blank(d.talkeeViews) } : {}),
      ...(has('visit') ? { problems: blank(d.problems), followUp: blank(d.followUp) } : {}),
    },
    attendance: has('attendance') ? marks.map((m) => ({ personId: m.personId, status: m.status, reason: m.reason })) : [],
    resolutions: has('resolutions')
      ? resolutions.filter((r) => r.text.trim()).map((r) => ({ text: r.text, votes: has('votes') && r.voted ? { yes: r.yes ?? 0, no: r.no ?? 0, abstain: r.abstain ?? 0 } : null }))
      : [],
    attachments: attachments.map((a) => ({ sha256: a.sha256, thumbSha256: a.thumbSha256, name: a.name })),
  };
}
