// The member roster (党员花名册) as .xlsx: the template's columns (so a full-value export re-imports)
// plus channel type, county, mobility and lost contact. Rows stream from SQLite into the streaming
// workbook writer, so a 100k-person export holds little in memory.
import { sql } from 'kysely';
import { maskCitizenId, maskPhone } from '../../../shared/domain/citizenId.js';
import { CHANNEL_TYPES, EDUCATION, EMPLOYMENT, GENDERS, MOBILITY, POLITICAL_STATUS, POSTS, STANDINGS, type Labelled } from '../../../shared/domain/enums.js';
import { ROSTER_FIELDS, TEMPLATE_FIELDS } from '../../../shared/people/headers.js';
import { type Db } from '../../context.js';
import type { PeopleFilter } from '../people.js';
import { searchPredicate } from '../search.js';
import type { CellOut, SheetSpec } from '../xlsx/write.js';
import { scopeEnd } from '../../../shared/core/scope.js';

const zh = (t: Labelled, v: string | null) => (v ? (t[v]?.zh ?? v) : null);

export function rosterSpec(title: string): SheetSpec {
  return {
    sheet: '党员花名册',
    title,
    columns: [
      { header: '序号', width: 7 },
      ...TEMPLATE_FIELDS.map((f) => ({ header: ROSTER_FIELDS[f].zh, text: f === 'citizenId' || f === 'phone' || f === 'outletCode', width: f === 'citizenId' ? 22 : undefined })),
      { header: '渠道类型' }, { header: '所属县（区）' }, { header: '流动情况', width: 24 }, { header: '失联' },
    ],
  };
}

export async function* rosterRows(db: Db, path: string, f: Omit<PeopleFilter, 'limit' | 'offset'>, fullIds: boolean): AsyncGenerator<CellOut[]> {
  let q = db
    .selectFrom('people as p')
    .leftJoin('members as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.deleted', '=', 0))
    .leftJoin('party_orgs as b', 'b.id', 'm.branch_id')
    .leftJoin('party_groups as g', 'g.id', 'm.group_id')
    .leftJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('org_units as c', 'c.id', 'o.county_id')
    .select([
      'p.name', 'p.gender', 'p.ethnicity', 'p.birth_date', 'p.citizen_id', 'p.phone', 'p.education', 'p.political_status', 'm.join_date',
      'm.full_date', 'b.name as branch', 'g.name as grp', 'o.name as outlet', 'o.code as outlet_code', 'p.post', 'p.employment', 'm.standing',
      'p.consent_on', 'p.notes', 'o.channel_type', 'c.name as county', 'm.mobility', 'm.mobility_destination as destination', 'm.lost_contact as lost',
    ])
    .where('p.deleted', '=', 0)
    .where('p.scope_path', '>=', path)
    .where('p.scope_path', '<', scopeEnd(path));
  if (f.outletId) q = q.where('p.outlet_id', '=', f.outletId);
  if (f.branchId) q = q.where('m.branch_id', '=', f.branchId);
  if (f.politicalStatus?.length) q = q.where('p.political_status', 'in', f.politicalStatus);
  if (f.standing?.length) q = q.where('m.standing', 'in', f.standing);
  if (f.mobility?.length) q = q.where('m.mobility', 'in', f.mobility);
  if (f.channelTypes?.length) q = q.where('o.channel_type', 'in', f.channelTypes);
  const match = searchPredicate('p', f.q, { fullIds });
  if (match) q = q.where(match);
  let n = 0;
  // Grouped by branch, as rosters are printed; people without a branch last.
  for await (const x of q.orderBy(sql`b.name IS NULL`).orderBy('b.name').orderBy('p.name').orderBy('p.id').stream(2000)) {
    n++;
    yield [
      n, x.name, zh(GENDERS, x.gender), x.ethnicity, x.birth_date, fullIds ? x.citizen_id : maskCitizenId(x.citizen_id),
      fullIds ? x.phone : maskPhone(x.phone), zh(EDUCATION, x.education), zh(POLITICAL_STATUS, x.political_status), x.join_date, x.full_date,
      x.branch, x.grp, x.outlet, x.outlet_code, zh(POSTS, x.post), zh(EMPLOYMENT, x.employment), zh(STANDINGS, x.standing), x.consent_on,
      x.notes, zh(CHANNEL_TYPES, x.channel_type), x.county,
      x.mobility && x.mobility !== 'none' ? `${zh(MOBILITY, x.mobility)}${x.destination ? `：${x.destination}` : ''}` : null,
      x.lost === 1 ? '是' : null,
    ];
  }
}
