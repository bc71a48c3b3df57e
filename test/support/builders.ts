// Builders make valid inputs with overrides; they go through the real API like a user would.
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Input, OpName, Result } from '../../shared/contract/index.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';

export async function call<K extends OpName>(ctx: ApiContext, name: K, input: Input<K>): Promise<Result<K>> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message} ${JSON.stringify(r.error.issues)}`);
  return r.data as Result<K>;
}

let seq = 0;
export const nextSeq = () => ++seq;

/** HQ → city → county → grid, returning the units. */
export async function buildTree(ctx: ApiContext, code = `c${nextSeq()}`) {
  const hq = (await call(ctx, 'orgUnits.list', {})).find((u) => u.level === 'hq') ?? (await call(ctx, 'orgUnits.save', { code: 'hq', name: '省公司', level: 'hq' }));
  const city = await call(ctx, 'orgUnits.save', { code: `${code}-city`, name: `${code}市`, level: 'city', parentId: hq.id });
  const county = await call(ctx, 'orgUnits.save', { code: `${code}-county`, name: `${code}县`, level: 'county', parentId: city.id });
  const grid = await call(ctx, 'orgUnits.save', { code: `${code}-g1`, name: `${code}一网格`, level: 'grid', parentId: county.id });
  return { hq, city, county, grid };
}

export async function buildOutlet(ctx: ApiContext, countyId: string, over: Partial<Input<'outlets.save'>> = {}) {
  const n = nextSeq();
  return call(ctx, 'outlets.save', { code: `OUT${n}`, name: `测试网点${n}`, channelType: 'own_store', countyId, ...over });
}

export async function buildBranch(ctx: ApiContext, unitId: string, over: Partial<Input<'partyOrgs.save'>> = {}) {
  return call(ctx, 'partyOrgs.save', { name: `第${nextSeq()}党支部`, orgType: 'branch', unitId, ...over });
}

export function validId(birth = '1985-06-15', male = true, seq3 = nextSeq()) {
  return makeCitizenId('610115', birth, seq3, male);
}

export async function buildMember(ctx: ApiContext, outletId: string, branchId: string, over: Partial<Input<'people.save'>> = {}) {
  return call(ctx, 'people.save', {
    name: `党员${nextSeq()}`,
    citizenId: validId(),
    politicalStatus: 'full_member',
    outletId,
    member: { branchId, joinDate: '2010-07-01', fullDate: '2011-07-01' },
    ...over,
  });
}
