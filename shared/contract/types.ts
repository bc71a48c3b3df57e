// Result shapes of the API. Field names are camelCase; dates are ISO strings.
import type { ChannelType, OrgType, OrgUnitLevel, PoliticalStatus, Role, SettingMode } from '../domain/enums.js';

export interface Page<T> {
  rows: T[];
  total: number;
}

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

export interface PersonRow {
  id: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  citizenId: string | null; // masked unless the role allows full values
  phone: string | null; // masked likewise
  outletId: string | null;
  outletName: string | null;
  post: string | null;
  politicalStatus: PoliticalStatus;
  branchName: string | null;
  standing: string | null;
  mobility: string | null;
  synthetic: boolean;
}

export interface MemberDetail {
  id: string;
  branchId: string;
  branchName: string | null;
  groupId: string | null;
  joinDate: string;
  fullDate: string | null;
  standing: string;
  mobility: string;
  mobilityDestination: string | null;
  mobilitySince: string | null;
  mobilityCardNo: string | null;
  lostContact: boolean;
  lostContactSince: string | null;
  lostContactReason: string | null;
  duesBaseType: string;
}

export interface RecruitDetail {
  stage: string;
  appliedOn: string | null;
  activistOn: string | null;
  candidateOn: string | null;
  probationaryOn: string | null;
  fullOn: string | null;
  cancelledOn: string | null;
  cultivator1Id: string | null;
  cultivator2Id: string | null;
  introducer1Id: string | null;
  introducer2Id: string | null;
  trainingHours: number;
}

export interface PersonDetail {
  id: string;
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  citizenId: string | null;
  citizenIdMasked: boolean;
  phone: string | null;
  education: string | null;
  outletId: string | null;
  outletName: string | null;
  post: string | null;
  employment: string | null;
  politicalStatus: PoliticalStatus;
  consentOn: string | null;
  notes: string | null;
  member: MemberDetail | null;
  recruit: RecruitDetail | null;
  synthetic: boolean;
  updatedAt: string;
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

export interface SessionInfo {
  role: Role;
  userName: string;
  scopePath: string;
  deviceId: string;
  profileName: string;
  canSeeFullIds: boolean;
}

export interface OverviewStats {
  counties: number;
  outlets: number;
  outletsWithMembers: number;
  people: number;
  members: number;
  probationary: number;
  partyOrgs: number;
  outletsWithoutCoverage: number;
  outletsWithoutInstructor: number;
  byChannelType: { channelType: ChannelType; outlets: number; members: number }[];
}
