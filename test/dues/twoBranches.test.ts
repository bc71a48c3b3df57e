// Every member belongs to exactly one branch: two devices that each make the same person a member of
// a different branch while offline leave two member rows after sync; both devices see it flagged.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call } from '../support/builders.js';
import { buildWorld, type World } from '../orglife/world.js';
import { enrolledDevice, startTestHq, type TestDevice, type TestHq } from '../sync/support.js';

let hq: TestHq;
let a: TestDevice;
let b: TestDevice;
let w: World;
beforeAll(async () => {
  hq = await startTestHq();
  a = await enrolledDevice(hq, { user: '刘组织员', role: 'county_organiser', scope: '/' });
  b = await enrolledDevice(hq, { user: '周组织员', role: 'county_organiser', scope: '/' });
  w = await buildWorld(a.context());
  await a.sync();
  await b.sync();
}, 60_000);
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await hq?.close();
});

it('flags a person made a member of two branches on two offline devices', async () => {
  const x = await call(a.context(), 'people.save', { name: '孙新', gender: 'male', politicalStatus: 'masses', outletId: w.outlet.id });
  await a.sync();
  await b.sync();
  expect((await call(a.context(), 'orgChecks.list', {})).twoBranches).toEqual([]);
  // the world's branch has four full members and a committee of three: a secretary only is due
  expect((await call(a.context(), 'orgChecks.list', {})).orgs.find((o) => o.orgId === w.branch.id)?.issues).toContain('secretary_only');
  const join = (d: TestDevice, branchId: string) =>
    call(d.context(), 'people.save', { id: x.id, name: '孙新', gender: 'male', politicalStatus: 'full_member', outletId: w.outlet.id, member: { branchId, joinDate: '2020-07-01', fullDate: '2021-07-01' } });
  await join(a, w.branch.id);
  await join(b, w.other.id);
  await a.sync();
  await b.sync();
  await a.sync();
  for (const d of [a, b]) {
    const checks = await call(d.context(), 'orgChecks.list', {});
    expect(checks.twoBranches).toHaveLength(1);
    expect(checks.twoBranches[0]!.name).toBe('孙新');
    expect(checks.twoBranches[0]!.branches.map((br) => br.orgId).sort()).toEqual([w.branch.id, w.other.id].sort());
  }
});
