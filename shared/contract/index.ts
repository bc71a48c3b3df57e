// The API contract: every operation the renderer may call, in one map. Each feature keeps its
// operations in shared/<feature>/contract.ts; this file only joins them (a name may appear once).
import type { InputOf, OpDef, ResultOf } from './define.js';
import { assessmentContract } from '../assessment/contract.js';
import { orgContract } from '../org/contract.js';
import { orgLifeContract } from '../orglife/contract.js';
import { peopleContract } from '../people/contract.js';
import { pointsContract } from '../points/contract.js';
import { quizContract } from '../quiz/contract.js';
import { duesContract } from '../dues/contract.js';
import { evaluationContract } from '../evaluation/contract.js';
import { orgChecksContract } from '../org/checksContract.js';
import { syncContract } from '../sync/contract.js';
import { systemContract } from '../system/contract.js';
import { teamsContract } from '../teams/contract.js';
import { milestonesContract } from '../milestones/contract.js';
import { pairingContract } from '../pairing/contract.js';
import { honoursContract } from '../honours/contract.js';
import { reviewsContract } from '../reviews/contract.js';
import { historyContract } from '../history/contract.js';
import { statisticsContract } from '../statistics/contract.js';

export const contract = {
  ...systemContract,
  ...syncContract,
  ...orgContract,
  ...peopleContract,
  ...orgLifeContract,
  ...assessmentContract,
  ...pointsContract,
  ...quizContract,
  ...duesContract,
  ...evaluationContract,
  ...orgChecksContract,
  ...teamsContract,
  ...milestonesContract,
  ...pairingContract,
  ...honoursContract,
  ...reviewsContract,
  ...historyContract,
  ...statisticsContract,
} as const;

/** Every feature's contract, by name: a test checks that no operation is defined twice. */
export const featureContracts = { system: systemContract, sync: syncContract, org: orgContract, people: peopleContract, orglife: orgLifeContract, assessment: assessmentContract, points: pointsContract, quiz: quizContract, dues: duesContract, evaluation: evaluationContract, orgChecks: orgChecksContract, teams: teamsContract, milestones: milestonesContract, pairing: pairingContract, honours: honoursContract, reviews: reviewsContract, history: historyContract, statistics: statisticsContract };

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type Input<K extends OpName> = InputOf<Contract[K]>;
export type Result<K extends OpName> = ResultOf<Contract[K]>;

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type { OpDef };
export type { Page, FilePayload } from './define.js';
export type * from '../org/types.js';
export type * from '../people/personTypes.js';
export type * from '../system/types.js';
