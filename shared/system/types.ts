// Result shapes of the system operations.
import type { ChannelType, Role } from '../domain/enums.js';

export interface SessionInfo {
  role: Role;
  userName: string;
  scopePath: string;
  deviceId: string;
  profileName: string;
  canSeeFullIds: boolean;
  /** Who signed in on this device (a shared outlet PC has several users); absent without sign-in. */
  signedInUser?: { id: string; name: string; role: 'owner' | 'organiser' | 'staff' };
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
