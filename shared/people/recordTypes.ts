// Result shapes of people.record, people.attended and people.hosted: a person as a record (who
// they are, their standing over time, the organisational life they took part in), read-only.
import type { ActivityType } from '../domain/enums.js';
import type { ProbationExtension } from './probation.js';
import type { PersonDetail } from './personTypes.js';
import type { HistoryEntry } from './types.js';

export type AttendanceMarkStatus = 'present' | 'absent' | 'excused';

export interface ProbationInfo {
  /** Admission as a probationary member (members.join_date). */
  admittedOn: string;
  /** admittedOn + the orglife.probation.months setting (+ the extension's months, if decided). */
  endsOn: string;
  months: number;
  /** The one extension the branch decided, if any. */
  extension: ProbationExtension | null;
  /** Whether one may still be recorded (none yet). */
  mayExtend: boolean;
  /** The end has passed and the member is still probationary. */
  overdue: boolean;
}

export interface AttendanceSummary {
  present: number;
  absent: number;
  excused: number;
}

export interface PersonRecord {
  /** Masked exactly as people.get masks it (full values only through people.reveal). */
  person: PersonDetail;
  /** The role may ask for the full id and phone (a logged reveal). */
  mayReveal: boolean;
  history: HistoryEntry[];
  probation: ProbationInfo | null;
  attendance: AttendanceSummary;
  hostedCount: number;
}

export interface AttendedRow {
  activityId: string;
  heldOn: string;
  type: ActivityType;
  title: string;
  /** The Party organisation, else the group, else the instructor the record belongs to. */
  orgName: string | null;
  status: AttendanceMarkStatus;
  reason: string | null;
}

export type HostedRole = 'host' | 'recorder' | 'lecturer';

export interface HostedRow {
  activityId: string;
  heldOn: string;
  type: ActivityType;
  title: string;
  orgName: string | null;
  roles: HostedRole[];
}
