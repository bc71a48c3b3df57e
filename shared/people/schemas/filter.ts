import { z } from 'zod';
import { CHANNEL_TYPES, MOBILITY, POLITICAL_STATUS, STANDINGS } from '../../domain/enums.js';
import { enumOf, id } from '../../core/schemas.js';

/** The people list's filter: the list pages it, the roster export takes it whole. */
export const peopleFilter = z.strictObject({
  q: z.string().max(100).optional(),
  unitId: id.optional(),
  outletId: id.optional(),
  branchId: id.optional(),
  politicalStatus: z.array(enumOf(POLITICAL_STATUS)).max(6).optional(),
  standing: z.array(enumOf(STANDINGS)).max(5).optional(),
  mobility: z.array(enumOf(MOBILITY)).max(3).optional(),
  channelTypes: z.array(enumOf(CHANNEL_TYPES)).max(9).optional(),
});
