// Result shapes of the system operations.
import type { ChannelType, Role } from '../domain/enums.js';

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
