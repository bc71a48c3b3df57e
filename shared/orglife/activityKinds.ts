// Which fields each activity type records (DOMAIN.md "Activities"). The form shows these, the
// schema requires the `required` ones, and the record book prints them.
import type { ActivityType } from '../domain/enums.js';

export type ActivityField =
  | 'host' | 'recorder' | 'lecturer' | 'topic' | 'agenda' | 'minutes' | 'resolutions' | 'votes' | 'attendance' | 'group'
  | 'reach' | 'services' | 'talkSides' | 'goalResult' | 'instructor' | 'visit' | 'outlets';

export interface ActivityKind {
  fields: ActivityField[];
  required: ActivityField[];
  /** Appears in the 三会一课 record book. */
  recordBook: boolean;
  /** Where quorum applies (general meeting); motions are voted on where `votes` is listed. */
  quorum: boolean;
}

const meeting: ActivityField[] = ['host', 'recorder', 'topic', 'agenda', 'minutes', 'resolutions', 'attendance', 'outlets'];

export const ACTIVITY_KINDS: Record<ActivityType, ActivityKind> = {
  general_meeting: { fields: [...meeting, 'votes'], required: ['host', 'recorder', 'agenda', 'attendance'], recordBook: true, quorum: true },
  committee_meeting: { fields: [...meeting, 'votes'], required: ['host', 'recorder', 'agenda', 'attendance'], recordBook: true, quorum: false },
  group_meeting: { fields: [...meeting, 'group'], required: ['host', 'group', 'attendance'], recordBook: true, quorum: false },
  lecture: { fields: ['lecturer', 'topic', 'host', 'recorder', 'minutes', 'attendance', 'instructor', 'outlets'], required: ['lecturer', 'topic', 'attendance'], recordBook: true, quorum: false },
  theme_day: { fields: ['topic', 'host', 'recorder', 'agenda', 'minutes', 'attendance', 'outlets'], required: ['topic', 'attendance'], recordBook: true, quorum: false },
  org_life_meeting: { fields: meeting, required: ['host', 'recorder', 'topic', 'attendance'], recordBook: true, quorum: false },
  review: { fields: meeting, required: ['host', 'topic', 'attendance'], recordBook: true, quorum: false },
  talk: { fields: ['talkSides', 'topic', 'minutes', 'instructor'], required: ['talkSides', 'topic'], recordBook: false, quorum: false },
  micro_lecture: { fields: ['lecturer', 'topic', 'minutes', 'attendance', 'instructor', 'outlets'], required: ['lecturer', 'topic'], recordBook: false, quorum: false },
  quiz: { fields: ['topic', 'host', 'minutes', 'attendance', 'outlets'], required: ['topic'], recordBook: false, quorum: false },
  pioneer_service: { fields: ['topic', 'reach', 'services', 'minutes', 'attendance', 'outlets'], required: ['reach', 'services'], recordBook: false, quorum: false },
  anti_fraud: { fields: ['topic', 'reach', 'services', 'minutes', 'attendance', 'outlets'], required: ['reach', 'services'], recordBook: false, quorum: false },
  task_force: { fields: ['goalResult', 'host', 'minutes', 'attendance', 'instructor', 'outlets'], required: ['goalResult'], recordBook: false, quorum: false },
  rural_revitalization: { fields: ['goalResult', 'reach', 'services', 'minutes', 'attendance', 'outlets'], required: ['goalResult'], recordBook: false, quorum: false },
  oath_renewal: { fields: ['host', 'topic', 'minutes', 'attendance', 'outlets'], required: ['host', 'attendance'], recordBook: true, quorum: false },
  // 联席会议 (seed 000 §3.5.1) are kept in the record book with the branch's meetings (issue 13)
  joint_meeting: { fields: ['host', 'recorder', 'topic', 'agenda', 'minutes', 'resolutions', 'outlets'], required: ['host', 'agenda'], recordBook: true, quorum: false },
  instructor_visit: { fields: ['instructor', 'visit', 'outlets'], required: ['instructor', 'visit', 'outlets'], recordBook: false, quorum: false },
};

export const hasField = (t: ActivityType, f: ActivityField) => ACTIVITY_KINDS[t].fields.includes(f);
export const needsField = (t: ActivityType, f: ActivityField) => ACTIVITY_KINDS[t].required.includes(f);

/** Types printed in the record book, in the order of ACTIVITY_KINDS. */
export const RECORD_BOOK_TYPES = (Object.keys(ACTIVITY_KINDS) as ActivityType[]).filter((t) => ACTIVITY_KINDS[t].recordBook);
