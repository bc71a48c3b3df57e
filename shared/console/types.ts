// What the HQ console's endpoints answer (hq/console/ → renderer/console/), and the inputs they take.
import { z } from 'zod';
import type { Light } from '../orglife/status.js';

export type ConsoleRole = 'hq_admin' | 'county_organiser';

export interface ConsoleSession {
  userName: string;
  displayName: string;
  role: ConsoleRole;
  scopePath: string;
  /** Sent back in the x-rc-csrf header with every state-changing call. */
  csrf: string;
  /** Served over plain HTTP to another machine: passwords and cookies travel readable. */
  insecure: boolean;
}

export interface DeviceRow {
  deviceId: string;
  userName: string;
  role: string;
  scopePath: string;
  name: string | null;
  /** As reported in the device's last hello; null: not reported. */
  appVersion: string | null;
  schemaVersion: string | null;
  /** Its reported schema is older than `sync.minSchema` of its scope: HQ refuses its sync until the app is updated. */
  tooOld: boolean;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** No call for `console.silentDays` or more (or never since enrolment that long ago). */
  silent: boolean;
  /** As reported in the device's last hello (older apps send none): null means not reported, never zero. */
  waiting: number | null;
  oldestUnsentAt: string | null;
  /** The device's last failed session, as it reported it; null: none reported (or its last session succeeded). */
  lastError: { zh: string; en: string; at: string } | null;
  /** When the device last reported; null: never. */
  reportedAt: string | null;
  /** What HQ itself saw: the last write of this device HQ refused, and when. */
  lastRejectedAt: string | null;
  lastRejectedReason: string | null;
}

export interface DevicesView { devices: DeviceRow[]; silentDays: number }

export interface EnrolCodeAnswer { code: string; qrDataUrl: string; userName: string; role: string; scopePath: string; expiresInDays: number }

export interface RefValue { scopePath: string; value: unknown; by: string | null; at: string | null }
export interface RefEntry { key: string; zh: string; en: string; provinceOnly: boolean; province: RefValue | null; county: RefValue | null; effective: unknown }
export interface RefHistory { at: string; userName: string; key: string; scopePath: string; before: unknown; after: unknown }
export interface RefView { scopePath: string; entries: RefEntry[]; history: RefHistory[] }

export interface UnitLights { coverage: Light; contact: Light }
/** The board's indicators HQ computes from its copy (data quality is not among them: HQ holds citizen ids masked). */
export const OVERVIEW_INDICATORS = ['coverage', 'contact', 'attendance', 'member_gap', 'probation_overdue', 'rectification_overdue', 'meetings_monthly', 'meetings_quarterly', 'milestones', 'member_standing', 'dual_track'] as const;
export type OverviewIndicator = (typeof OVERVIEW_INDICATORS)[number];
export interface UnitIndicators {
  coverage: number | null; contact: number | null;
  /** This month's present over expected (excused left out). */
  attendance: number | null;
  /** Members without organisation life for the yellow threshold's months or more. */
  membersWithoutOrgLife: number;
  /** Probationers past their conversion date by the yellow threshold's days or more. */
  conversionsOverdue: number;
  /** Open three-lists items past their due date. */
  itemsOverdue: number;
  /** Organisations with cadence duties, and those yellow or red this month / quarter. */
  orgsWithCadence: number; monthlyBehind: number; quarterlyBehind: number;
  /** Organisations with milestone nodes this year; nodes past due and not done (missed), and done after their due date (late). */
  orgsWithMilestones: number; nodesMissed: number; nodesLate: number;
  /** Branches the standing rules judge (they keep dues at HQ's copy, or someone is flagged); members flagged by each rule. */
  branchesJudged: number; membersLapseRisk: number; membersLostContact: number; transfersDue: number;
  /**
   * The dual-track composite (双轨考核) of the quarter so far: the mean of the outlets scored (those with
   * all four business figures in), how many, and how many of them red; its light is the worst of theirs,
   * as the board lights a county.
   */
  dualTrack: number | null; outletsScored: number; outletsRed: number;
  lights: Record<OverviewIndicator, Light>;
}
export interface CountyRow extends UnitIndicators {
  id: string; name: string; path: string; cityName: string | null;
  outlets: number; outletsWithMembers: number; members: number; partyOrgs: number;
  uncoveredOutlets: number; noInstructorOutlets: number;
  worst: Light;
  devices: number; silentDevices: number; rejected: number; conflicts: number;
}
/** A city (or the province): its figures from its counties' parts taken together (not averaged), under its own thresholds. */
export interface RollupRow extends UnitIndicators { id: string; name: string; path: string; counties: number; members: number; worst: Light }
export interface OutletRow { id: string; name: string; members: number; covered: boolean; contacted: boolean; hasInstructor: boolean; lights: UnitLights }
export interface Overview {
  asOf: string; scopePath: string; counties: CountyRow[]; cities: RollupRow[]; province: RollupRow | null;
  totals: { red: number; yellow: number; green: number; none: number };
  /** Counties whose kept facts were stale or missing and were computed for this answer. */
  recomputed: number; ms: number;
}
export interface CountyDetail { county: CountyRow; outlets: OutletRow[] }

export interface HealthRow { kind: 'conflict' | 'rejected'; at: string; tbl: string; rowId: string; scopePath: string; deviceId: string | null; detail: string }
export interface HealthView { rows: HealthRow[]; total: number }

export interface AuditRow { at: string; userName: string; action: string; scopePath: string; target: string | null; before: unknown; after: unknown }

const scope = z.string().regex(/^\/([a-z0-9][a-z0-9-]{0,39}\/){0,8}$/, { message: 'scope' });
export const signInInput = z.strictObject({ userName: z.string().min(1).max(60), password: z.string().min(1).max(200) });
export const codeInput = z.strictObject({
  userName: z.string().trim().min(1).max(60), role: z.enum(['instructor', 'county_organiser', 'hq_admin', 'auditor']), scopePath: scope,
  days: z.number().int().min(1).max(30),
});
export const deviceInput = z.strictObject({ deviceId: z.string().min(8).max(64) });
export const rescopeInput = z.strictObject({ deviceId: z.string().min(8).max(64), scopePath: scope, days: z.number().int().min(1).max(30) });
export const refSetInput = z.strictObject({ key: z.string().min(1).max(64), scopePath: scope, value: z.unknown() });
export const refClearInput = z.strictObject({ key: z.string().min(1).max(64), scopePath: scope });
export const userInput = z.strictObject({
  userName: z.string().trim().regex(/^[A-Za-z0-9_.\u4e00-\u9fff-]{2,40}$/), displayName: z.string().trim().min(1).max(40),
  role: z.enum(['hq_admin', 'county_organiser']), scopePath: scope, password: z.string().min(12).max(200),
});
export const unlockInput = z.strictObject({ userName: z.string().min(1).max(60) });
export const healthQuery = z.strictObject({
  kind: z.enum(['conflict', 'rejected', 'all']).default('all'), scopePath: scope.optional(), tbl: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
