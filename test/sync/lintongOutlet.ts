// The small world of the mixed-version tests: HQ's administrator sets up 临潼 with one outlet and its
// branch and syncs; a current county organiser's device is enrolled beside it.
import { call } from '../support/builders.js';
import { enrolledDevice, type TestDevice, type TestHq } from './support.js';

export interface LintongOutlet {
  admin: TestDevice;
  fresh: TestDevice;
  county: { id: string; path: string };
  outletId: string;
  branchId: string;
}

export async function lintongOutlet(hq: TestHq): Promise<LintongOutlet> {
  const admin = await enrolledDevice(hq, { user: '省公司管理员', role: 'hq_admin', scope: '/' });
  const ctx = admin.context();
  const top = await call(ctx, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  const city = await call(ctx, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
  const county = await call(ctx, 'orgUnits.save', { code: 'xa-lintong', name: '临潼区分公司', level: 'county', parentId: city.id });
  const outletId = (await call(ctx, 'outlets.save', { code: 'XA-LT-0001', name: '骊山路营业厅', channelType: 'own_store', countyId: county.id, staffCount: 9 })).id;
  const branchId = (await call(ctx, 'partyOrgs.save', { name: '骊山路营业厅党支部', orgType: 'branch', unitId: county.id, outletIds: [outletId] })).id;
  await admin.sync();
  const fresh = await enrolledDevice(hq, { user: '县组织员甲', role: 'county_organiser', scope: county.path });
  return { admin, fresh, county, outletId, branchId };
}
