// Result shapes of the statistics operations: counts only, so nothing here is personal data.
import type { ActivityType, ChannelType } from '../domain/enums.js';
import type { StatPeriod } from './schemas.js';

export interface CountRow {
  key: string;
  n: number;
}

/** One activity type over the report's period, against the cadence organisations are held to. */
export interface OrgLifeStat {
  type: ActivityType;
  /** Activities of this type held in the period (status 'held', by an organisation in scope). */
  held: number;
  /** Organisations (or Party groups, for group meetings) the cadence applies to; 0 when it has none. */
  obliged: number;
  /** Obligations (one per organisation and cadence period) whose period has started by the as-of day. */
  required: number;
  /** Of those, the ones met. */
  met: number;
  hasCadence: boolean;
}

export interface CoverageStat {
  channelType: ChannelType;
  outlets: number;
  withMembers: number;
  /** Outlets a Party organisation covers. */
  covered: number;
  uncoveredWithMembers: number;
}

export interface StatisticsFlows {
  /** Admitted as probationary members in the period (发展党员). */
  admitted: number;
  /** Probationary members converted to full in the period. */
  converted: number;
  transfersIn: number;
  transfersOut: number;
  /** Moved between two organisations both in scope. */
  transfersWithin: number;
  /** Lost contact since a day in the period. */
  newlyLostContact: number;
}

export interface StatisticsReport {
  /** The unit's name; null for the whole province. */
  scopeName: string | null;
  year: number;
  period: StatPeriod;
  from: string;
  to: string;
  /** The last day counted for org life: the period's end, or today when the period is still running. */
  asOf: string;
  orgsByType: CountRow[];
  orgsByMode: CountRow[];
  groupsByKind: CountRow[];
  leadership: { committee: number; secretaryOnly: number; noSecretary: number };
  /** full_member, probationary, applicant, activist, candidate. */
  members: CountRow[];
  standing: { lostContact: number; outbound: number; inbound: number };
  flows: StatisticsFlows;
  orgLife: OrgLifeStat[];
  coverage: CoverageStat[];
}
