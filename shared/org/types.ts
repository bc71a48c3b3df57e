// Result shapes of the org operations. Field names are camelCase; dates are ISO strings.
import type { ChannelType, OrgType, OrgUnitLevel, SettingMode } from '../domain/enums.js';

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  level: OrgUnitLevel;
  parentId: string | null;
  path: string;
  outletCount: number;
  memberCount: number;
}

export interface Outlet {
  id: string;
  code: string;
  name: string;
  channelType: ChannelType;
  countyId: string;
  countyName: string;
  gridId: string | null;
  gridName: string | null;
  address: string | null;
  staffCount: number;
  coverageOrgId: string | null;
  coverageOrgName: string | null;
  instructorId: string | null;
  instructorName: string | null;
  isContactPoint: boolean;
  openedOn: string | null;
  closedOn: string | null;
  lat: number | null;
  lng: number | null;
  memberCount: number;
  synthetic: boolean;
  updatedAt: string;
}

export interface PartyOrgSummary {
  id: string;
  name: string;
  orgType: OrgType;
  settingMode: SettingMode;
  unitId: string;
  unitName: string;
  parentOrgId: string | null;
  secretaryName: string | null;
  termEnd: string | null;
  memberCount: number;
  fullMemberCount: number;
  outletCount: number;
}

export interface PartyOrg extends PartyOrgSummary {
  pairingRatio: string | null;
  allianceSector: string | null;
  secretaryPersonId: string | null;
  termStart: string | null;
  outletIds: string[];
  outlets: { id: string; name: string }[];
  committee: { personId: string; personName: string; role: string }[];
  groups: PartyGroup[];
}

export interface PartyGroup {
  id: string;
  branchId: string;
  name: string;
  kind: string;
  leaderPersonId: string | null;
  memberCount: number;
}

export interface Instructor {
  id: string;
  name: string;
  phone: string | null;
  unitId: string;
  unitName: string;
  active: boolean;
  outletCount: number;
}
