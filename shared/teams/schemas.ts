// Input schemas of the teams operations (岗区队 and 承诺践诺).
import { z } from 'zod';
import { id, isoDate, name, optDate, optId, optText } from '../core/schemas.js';
import { PLEDGE_OUTCOME_KEYS, TEAM_KIND_KEYS } from './rules.js';

const year = z.number().int().min(2000).max(2100);
const unitId = id.optional();
const paging = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) };

export const teamSave = z.strictObject({
  id: id.optional(),
  orgId: id,
  kind: z.enum(TEAM_KIND_KEYS),
  name: name(80),
  goal: z.string().trim().min(1).max(1000),
  startsOn: isoDate,
  endsOn: optDate,
  leaderPersonId: optId,
  memberIds: z.array(id).max(200),
  outletIds: z.array(id).max(200).default([]),
  results: optText(2000),
});

export const teamList = z.strictObject({
  unitId,
  kind: z.enum(TEAM_KIND_KEYS).optional(),
  /** Only teams whose period includes today. */
  activeOnly: z.boolean().optional(),
  ...paging,
});

export const teamGet = z.strictObject({ id });

export const pledgeSave = z.strictObject({
  id: id.optional(),
  personId: id,
  year,
  pledge: z.string().trim().min(1).max(1000),
  pledgedOn: isoDate,
  evidence: optText(2000),
});

export const pledgeReview = z.strictObject({
  id,
  outcome: z.enum(PLEDGE_OUTCOME_KEYS),
  evidence: optText(2000),
  note: optText(1000),
});

export const pledgeList = z.strictObject({ unitId, year, outcome: z.enum(PLEDGE_OUTCOME_KEYS).optional(), ...paging });

export const teamsExport = z.strictObject({ list: z.enum(['teams', 'pledges']), unitId, year: year.optional() });
