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
};

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Where a table's column reads differently from the form label of the same name. */
const BY_TABLE: Record<string, Record<string, { zh: string; en: string }>> = {
  people: { name: { zh: '姓名', en: 'Name' } },
};

export function columnLabel(col: string, tbl?: string): { zh: string; en: string } {
  return (tbl ? BY_TABLE[tbl]?.[col] : undefined) ?? EXTRA[col] ?? FIELD_LABELS[camel(col)] ?? { zh: col, en: col };
}
