// The organisation checks (组织设置检查): committee size by full members, secretary, term reminders,
// and members recorded in two branches. Joined into the contract as its own small map.
import { z } from 'zod';
import { id } from '../core/schemas.js';
import { read } from '../contract/define.js';
import type { OrgIssue } from './checks.js';

export interface OrgCheckRow {
  orgId: string; name: string; orgType: string; fullMembers: number; committeeSize: number; termEnd: string | null; issues: OrgIssue[];
}
export interface TwoBranchRow { personId: string; name: string; branches: { orgId: string; name: string }[] }
export interface OrgChecks { orgs: OrgCheckRow[]; twoBranches: TwoBranchRow[] }

export const orgChecksContract = {
  'orgChecks.list': read<OrgChecks>()(z.strictObject({ unitId: id.optional() })),
} as const;
