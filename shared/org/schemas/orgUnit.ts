import { z } from 'zod';
import { ORG_UNIT_LEVELS } from '../../domain/enums.js';
import { enumOf, id, name, optId } from '../../core/schemas.js';

export const orgUnitInput = z.strictObject({
  id: id.optional(),
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'org_unit.code' }),
  name: name(60),
  level: enumOf(ORG_UNIT_LEVELS),
  parentId: optId,
});
export type OrgUnitInput = z.input<typeof orgUnitInput>;
