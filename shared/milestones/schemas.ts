// Input schemas of the milestones operations (里程碑 and 节点对账).
import { z } from 'zod';
import { id, isoDate, optId, optText } from '../core/schemas.js';
import { NODE_STATE_KEYS } from './rules.js';

const year = z.number().int().min(2000).max(2100);

export const nodeInput = z.strictObject({
  id: id.optional(),
  /** '2026-Q2' or '2026-05' */
  periodKey: z.string().max(10),
  title: z.string().trim().min(1).max(200),
  ownerPersonId: id,
  standard: z.string().trim().min(1).max(1000),
  dueOn: isoDate,
});

export const goalSave = z.strictObject({
  id: id.optional(),
  orgId: id,
  year,
  title: z.string().trim().min(1).max(200),
  teamId: optId,
  ownerPersonId: optId,
  nodes: z.array(nodeInput).min(1).max(24),
});

export const nodeList = z.strictObject({
  unitId: id.optional(),
  year,
  state: z.enum(NODE_STATE_KEYS).optional(),
  teamId: id.optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});

export const nodeComplete = z.strictObject({ id, doneOn: isoDate, evidence: optText(2000) });

/** Opens a rectification item (整改单) on a missed node's organisation, once. */
export const nodeRectify = z.strictObject({ id });

export const milestonesExport = z.strictObject({ unitId: id.optional(), year });
