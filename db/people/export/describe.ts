// A filter in words, for the export's title line and the audit log ("范围：临潼区分公司；政治面貌：中共党员").
import type { z } from 'zod';
import type { peopleFilter } from '../../../shared/people/schemas/filter.js';
import { CHANNEL_TYPES, MOBILITY, POLITICAL_STATUS, STANDINGS, type Labelled } from '../../../shared/domain/enums.js';
import type { Db } from '../../context.js';

const names = (t: Labelled, vs: string[] | undefined) => (vs?.length ? vs.map((v) => t[v]?.zh ?? v).join('、') : null);

export async function describeFilter(db: Db, f: z.output<typeof peopleFilter>): Promise<string> {
  const parts: string[] = [];
  const name = async (table: 'org_units' | 'outlets' | 'party_orgs', id: string | undefined) =>
    id ? ((await db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst())?.name ?? id) : null;
  const unit = await name('org_units', f.unitId);
  parts.push(`范围：${unit ?? '全部'}`);
  const outlet = await name('outlets', f.outletId);
  if (outlet) parts.push(`网点：${outlet}`);
  const branch = await name('party_orgs', f.branchId);
  if (branch) parts.push(`党支部：${branch}`);
  const add = (label: string, v: string | null) => v && parts.push(`${label}：${v}`);
  add('政治面貌', names(POLITICAL_STATUS, f.politicalStatus));
  add('党籍状态', names(STANDINGS, f.standing));
  add('流动状态', names(MOBILITY, f.mobility));
  add('渠道类型', names(CHANNEL_TYPES, f.channelTypes));
  if (f.q?.trim()) parts.push(`搜索：${f.q.trim()}`);
  return parts.join('；');
}
