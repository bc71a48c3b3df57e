import { beijingDayOf } from '../../shared/core/dates.js';
import { assertInScope } from '../../shared/core/scope.js';
import { sql } from 'kysely';
import { ApiError, notFound } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { OrgUnit } from '../../shared/org/types.js';
import type { OrgUnitLevel } from '../../shared/domain/enums.js';
import type { z } from 'zod';
import type { orgUnitInput } from '../../shared/org/schemas/orgUnit.js';
import { type Db } from '../context.js';
import { scopeEnd } from '../../shared/core/scope.js';

const CHILD_LEVEL: Record<OrgUnitLevel, OrgUnitLevel | null> = { hq: 'city', city: 'county', county: 'grid', grid: null };

export async function listOrgUnits(db: Db, scope: string): Promise<OrgUnit[]> {
  const rows = await sql<{
    id: string; code: string; name: string; level: OrgUnitLevel; parent_id: string | null; path: string;
    outlets: number; members: number;
  }>`
    SELECT u.id, u.code, u.name, u.level, u.parent_id, u.path,
      (SELECT count(*) FROM outlets o WHERE o.deleted = 0 AND o.scope_path >= u.path AND o.scope_path < u.path || char(65535)) AS outlets,
      (SELECT count(*) FROM members m WHERE m.deleted = 0 AND m.scope_path >= u.path AND m.scope_path < u.path || char(65535)) AS members
    FROM org_units u
    WHERE u.deleted = 0 AND u.path >= ${scope} AND u.path < ${scopeEnd(scope)}
    ORDER BY u.path`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, path: r.path,
    outletCount: Number(r.outlets), memberCount: Number(r.members),
  }));
}

export async function getOrgUnit(db: Db, id: string) {
  const u = await db.selectFrom('org_units').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!u) throw notFound('组织单位', 'Org unit');
  return u;
}

export async function saveOrgUnit(db: Db, input: z.output<typeof orgUnitInput>, now: string, scope: string): Promise<string> {
  let parentPath = '/';
  if (input.parentId) {
    const parent = await getOrgUnit(db, input.parentId);
    if (CHILD_LEVEL[parent.level as OrgUnitLevel] !== input.level)
      throw new ApiError('validation', `“${parent.name}”下不能直接设立该层级的单位`, 'That level cannot sit under this parent');
    parentPath = parent.path;
  } else if (input.level !== 'hq') {
    throw new ApiError('validation', '除省公司外，每个单位都须有上级', 'Every unit but HQ needs a parent');
  }
  const path = `${parentPath}${input.code}/`;
  assertInScope(path, scope);
  const clash = await db.selectFrom('org_units').select('id').where('path', '=', path).where('deleted', '=', 0).executeTakeFirst();
  if (clash && clash.id !== input.id) throw new ApiError('conflict', `编码“${input.code}”在同一上级下已存在`, 'Code already used under this parent');
  const id = input.id ?? uuidv7();
  const existing = input.id ? await db.selectFrom('org_units').select(['path', 'parent_id']).where('id', '=', id).executeTakeFirst() : undefined;
  if (existing && existing.path !== path) {
    throw new ApiError('validation', '单位的编码和上级创建后不能修改', 'Code and parent cannot change after creation');
  }
  const values = { code: input.code, name: input.name, level: input.level, parent_id: input.parentId, path, scope_path: path, updated_at: now };
  if (existing) await db.updateTable('org_units').set(values).where('id', '=', id).execute();
  else {
    await db.insertInto('org_units').values({ id, ...values, created_at: now }).execute();
    await db
      .insertInto('org_unit_links')
      .values({ id: uuidv7(), unit_id: id, parent_id: input.parentId, valid_from: beijingDayOf(now), valid_to: null, scope_path: path, created_at: now, updated_at: now })
      .execute();
  }
  return id;
}
