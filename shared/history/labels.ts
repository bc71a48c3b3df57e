// Field labels for history: the form labels (shared/core/fieldLabels.ts) by camelCase name, then
// labels for bookkeeping columns, then the column name itself.
import { FIELD_LABELS } from '../core/fieldLabels.js';

const EXTRA: Record<string, { zh: string; en: string }> = {
  '': { zh: '整条记录', en: 'Whole record' },
  scope_path: { zh: '所属范围', en: 'Scope' },
  deleted: { zh: '已删除', en: 'Deleted' },
  synthetic: { zh: '模拟数据', en: 'Synthetic' },
  created_at: { zh: '创建时间', en: 'Created' },
  person_id: { zh: '人员', en: 'Person' },
  org_id: { zh: '党组织', en: 'Organisation' },
  held_on: { zh: '日期', en: 'Date' },
  title: { zh: '标题', en: 'Title' },
  political_status: { zh: '政治面貌', en: 'Political status' },
  citizen_id: { zh: '身份证号', en: 'Citizen ID' },
  // references to other records without a form label of their own
  activity_id: { zh: '活动', en: 'Activity' },
  leader_person_id: { zh: '负责人', en: 'Leader' },
  owner_person_id: { zh: '责任人', en: 'Owner' },
  team_id: { zh: '岗区队', en: 'Team' },
  pairing_id: { zh: '结对共建', en: 'Pairing' },
  goal_id: { zh: '年度目标', en: 'Goal' },
  review_id: { zh: '复盘', en: 'Review' },
  item_id: { zh: '清单事项', en: 'List item' },
  evaluation_id: { zh: '民主评议', en: 'Member review' },
  publication_id: { zh: '积分公示', en: 'Points publication' },
  subject_id: { zh: '对象', en: 'Subject' },
  survivor_id: { zh: '保留的记录', en: 'Kept record' },
  loser_id: { zh: '合并掉的记录', en: 'Merged record' },
  device_id: { zh: '设备', en: 'Device' },
};

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Where a table's column reads differently from the form label of the same name. */
const BY_TABLE: Record<string, Record<string, { zh: string; en: string }>> = {
  people: { name: { zh: '姓名', en: 'Name' } },
};

export function columnLabel(col: string, tbl?: string): { zh: string; en: string } {
  return (tbl ? BY_TABLE[tbl]?.[col] : undefined) ?? EXTRA[col] ?? FIELD_LABELS[camel(col)] ?? { zh: col, en: col };
}
