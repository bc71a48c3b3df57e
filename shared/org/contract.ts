// Operations of the organisation: org units, outlets, Party organisations and groups, instructors.
import { z } from 'zod';
import { CHANNEL_TYPES } from '../domain/enums.js';
import { enumOf, id, name, optId, page } from '../core/schemas.js';
import { orgUnitInput } from './schemas/orgUnit.js';
import { outletInput } from './schemas/outlet.js';
import { partyGroupInput, partyOrgInput } from './schemas/partyOrg.js';
import { read, write, type Page } from '../contract/define.js';
import type { Instructor, OrgUnit, Outlet, PartyGroup, PartyOrg, PartyOrgSummary } from './types.js';

const byId = z.strictObject({ id });
const search = z.string().max(100).optional();

export const orgContract = {
  'orgUnits.list': read<OrgUnit[]>()(z.strictObject({})),
  'orgUnits.save': write<OrgUnit>()(orgUnitInput),

  'outlets.list': read<Page<Outlet>>()(
    z.strictObject({
      q: search,
      channelTypes: z.array(enumOf(CHANNEL_TYPES)).max(9).optional(),
      unitId: id.optional(),
      coverage: z.enum(['covered', 'uncovered']).optional(),
      ...page,
    }),
  ),
  'outlets.get': read<Outlet>()(byId),
  'outlets.save': write<Outlet>()(outletInput),
  'outlets.delete': write<{ id: string }>()(byId),

  'partyOrgs.list': read<PartyOrgSummary[]>()(z.strictObject({ unitId: id.optional(), q: search })),
  'partyOrgs.get': read<PartyOrg>()(byId),
  'partyOrgs.save': write<PartyOrg>()(partyOrgInput),
  'partyOrgs.delete': write<{ id: string }>()(byId),
  'partyGroups.save': write<PartyGroup>()(partyGroupInput),

  'instructors.list': read<Instructor[]>()(z.strictObject({ unitId: id.optional() })),
  'instructors.save': write<Instructor>()(
    z.strictObject({
      id: id.optional(),
      name: name(40),
      phone: z.string().regex(/^1\d{10}$/, { message: 'phone' }).nullable().optional(),
      unitId: id,
      active: z.boolean().default(true),
      personId: optId,
    }),
  ),
} as const;
