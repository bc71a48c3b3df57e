// Result shapes of people.list/get/save. Field names are camelCase; dates are ISO strings.
import type { PoliticalStatus } from '../domain/enums.js';

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
