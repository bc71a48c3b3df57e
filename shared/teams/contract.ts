// Operations of the teams feature: 岗区队 (vanguard posts, responsibility areas, commando teams)
// and members' pledges (承诺践诺) with their year-end review.
import { read, write, type FilePayload, type Page } from '../contract/define.js';
import { pledgeList, pledgeReview, pledgeSave, teamGet, teamList, teamSave, teamsExport } from './schemas.js';
import type { PledgeRow, TeamDetail, TeamRow } from './types.js';

export const teamsContract = {
  'teams.list': read<Page<TeamRow>>()(teamList),
  'teams.get': read<TeamDetail>()(teamGet),
  'teams.save': write<TeamDetail>()(teamSave),
  // Exports are reads that log themselves, like the registry's.
  'teams.export': read<FilePayload>()(teamsExport),
  'pledges.list': read<Page<PledgeRow>>()(pledgeList),
  'pledges.save': write<PledgeRow>()(pledgeSave),
  /** The year-end review of one pledge: kept, partly kept or not kept, with its evidence. */
  'pledges.review': write<PledgeRow>()(pledgeReview),
} as const;
