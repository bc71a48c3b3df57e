// Operations of the milestones feature: yearly goals broken into quarterly / monthly nodes,
// 节点对账, completion with evidence, and a rectification item from a missed node.
import { read, write, type FilePayload } from '../contract/define.js';
import { goalSave, milestonesExport, nodeComplete, nodeList, nodeRectify } from './schemas.js';
import type { GoalDetail, NodeReconciliation, NodeRow } from './types.js';

export const milestonesContract = {
  'milestones.list': read<NodeReconciliation>()(nodeList),
  'milestones.saveGoal': write<GoalDetail>()(goalSave),
  'milestones.complete': write<NodeRow>()(nodeComplete),
  'milestones.rectify': write<NodeRow>()(nodeRectify),
  'milestones.export': read<FilePayload>()(milestonesExport),
} as const;
