import { z } from 'zod';
import { ALLIANCE_SECTORS, COMMITTEE_ROLES, GROUP_KINDS, ORG_TYPES, PAIRING_RATIOS, SETTING_MODES } from '../../domain/enums.js';
import { enumOf, id, name, optDate, optId } from '../../core/schemas.js';

export const partyOrgInput = z
  .strictObject({
    id: id.optional(),
    name: name(80),
    orgType: enumOf(ORG_TYPES),
    settingMode: enumOf(SETTING_MODES).default('standalone'),
    pairingRatio: enumOf(PAIRING_RATIOS).nullable().optional().transform((v) => v ?? null),
    allianceSector: enumOf(ALLIANCE_SECTORS).nullable().optional().transform((v) => v ?? null),
    parentOrgId: optId,
    unitId: id,
    secretaryPersonId: optId,
    termStart: optDate,
    termEnd: optDate,
    outletIds: z.array(id).max(500).default([]),
    committee: z
      .array(z.strictObject({ personId: id, role: enumOf(COMMITTEE_ROLES) }))
      .max(15)
      .default([]),
  })
  .refine((o) => !o.termStart || !o.termEnd || o.termEnd > o.termStart, { message: 'term.order', path: ['termEnd'] })
  .refine((o) => o.settingMode !== 'paired' || o.pairingRatio !== null, { message: 'pairing.required', path: ['pairingRatio'] })
  .refine((o) => o.settingMode !== 'alliance' || o.allianceSector !== null, { message: 'alliance.required', path: ['allianceSector'] });
export type PartyOrgInput = z.input<typeof partyOrgInput>;

export const partyGroupInput = z.strictObject({
  id: id.optional(),
  branchId: id,
  name: name(60),
  kind: enumOf(GROUP_KINDS).default('regular'),
  leaderPersonId: optId,
});
export type PartyGroupInput = z.input<typeof partyGroupInput>;
