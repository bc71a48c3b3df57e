// Labels of the 334N screens, from the shared rules so screens and exports say the same.
import type { Labelled } from '../../../shared/domain/enums.js';
import { NODE_STATES } from '../../../shared/milestones/rules.js';
import { PLEDGE_OUTCOMES, TEAM_KINDS } from '../../../shared/teams/rules.js';

export const TEAM_KINDS_L: Labelled = TEAM_KINDS;
export const OUTCOMES_L: Labelled = PLEDGE_OUTCOMES;
export const NODE_STATES_L: Labelled = NODE_STATES;
export const NODE_STATE_COLOUR: Record<string, string> = { done: 'success', late: 'warning', missed: 'error', open: 'processing' };
export const OUTCOME_COLOUR: Record<string, string> = { pending: 'default', kept: 'success', partly: 'warning', not_kept: 'error' };
