// Input schemas of the pairing operations (结对共建 agreements and their joint meetings).
import { z } from 'zod';
import { id, isoDate, name, optDate } from '../core/schemas.js';
import { CADENCE_UNIT_KEYS, PAIRING_RATIO_KEYS } from './rules.js';

export const pairingSave = z.strictObject({
  id: id.optional(),
  orgId: id,
  title: name(120),
  ratio: z.enum(PAIRING_RATIO_KEYS),
  partnerOrgIds: z.array(id).max(30).default([]),
  /** Partners outside the registry, e.g. 浦发银行商鼎路支行党支部. */
  outsideNames: z.array(name(120)).max(30).default([]),
  cadenceUnit: z.enum(CADENCE_UNIT_KEYS),
  cadenceMin: z.number().int().min(1).max(10),
  signedOn: isoDate,
  startsOn: isoDate,
  endsOn: optDate,
  terms: z.string().trim().min(1).max(4000),
});

export const pairingList = z.strictObject({
  unitId: id.optional(),
  /** Only agreements whose cadence has a missed period. */
  notKeptOnly: z.boolean().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});

export const pairingGet = z.strictObject({ id });

/** Links a joint meeting (an activity of type 联席会议 recorded in 组织生活) to an agreement, or unlinks it. */
export const pairingMeeting = z.strictObject({ pairingId: id, activityId: id, unlink: z.boolean().default(false) });

export const pairingExport = z.strictObject({ unitId: id.optional() });
