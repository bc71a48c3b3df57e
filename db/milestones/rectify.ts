// A missed node opens a rectification item (整改单) through the three lists of the assessment
// feature, once: on the node's organisation, owned by the node's owner, due after
// `milestones.rectifyDueDays`; the node keeps the item's id.
import { ApiError } from '../../shared/core/errors.js';
import { addDays } from '../../shared/orglife/periods.js';
import type { Db, Session } from '../context.js';
import { saveItem } from '../assessment/items.js';
import { getNode } from './nodes.js';
import { assertOrganiser } from '../teams/checks.js';

export async function rectifyNode(db: Db, s: Session, id: string, dueDays: number, today: string, now: string): Promise<void> {
  assertOrganiser(s);
  const node = await getNode(db, s, id, today);
  if (node.state !== 'missed')
    throw new ApiError('conflict', '只有逾期未完成的节点可以发起整改', 'Only a missed node can open a rectification item');
  if (node.itemId) throw new ApiError('conflict', '该节点已发起整改，请在三单中办理', 'This node already has a rectification item; work on it in the three lists');
  const itemId = await saveItem(db, s, {
    kind: 'rectification',
    title: `整改：${node.orgName ?? ''}里程碑节点“${node.title}”逾期未完成`,
    detail: `来自里程碑：${node.goalTitle}（${node.periodKey}，完成时限 ${node.dueOn}，已逾期 ${node.lateDays} 天）\n完成标准：${node.standard}`,
    subjectKind: 'org', subjectId: node.orgId, ownerPersonId: node.ownerPersonId, ownerUser: node.ownerPersonId ? null : s.userName,
    dueOn: addDays(today, dueDays), evidence: null, source: 'warning', sourceRef: `milestone|${node.id}`,
  }, now);
  await db.updateTable('milestone_nodes').set({ item_id: itemId, updated_at: now }).where('id', '=', id).execute();
}
