import { z } from 'zod';
import { CHANNEL_TYPES } from '../../domain/enums.js';
import { enumOf, id, name, optDate, optId, optText } from '../../core/schemas.js';

export const outletInput = z
  .strictObject({
    id: id.optional(),
    code: z.string().trim().min(1).max(40),
    name: name(80),
    channelType: enumOf(CHANNEL_TYPES),
    countyId: id,
    gridId: optId,
    address: optText(200),
    staffCount: z.number().int().min(0).max(10_000).default(0),
    coverageOrgId: optId,
    instructorId: optId,
    isContactPoint: z.boolean().default(false),
    openedOn: optDate,
    closedOn: optDate,
    lat: z.number().min(-90).max(90).nullable().optional().transform((v) => v ?? null),
    lng: z.number().min(-180).max(180).nullable().optional().transform((v) => v ?? null),
  })
  .refine((o) => !o.openedOn || !o.closedOn || o.closedOn >= o.openedOn, { message: 'closed.before_opened', path: ['closedOn'] });
export type OutletInput = z.input<typeof outletInput>;
