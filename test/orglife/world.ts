// A small branch world for org-life tests: a county with an outlet, a branch with a committee,
// a group, four full members and a probationary one, a second branch, and an instructor.
import { deflateSync } from 'node:zlib';
import type { ApiContext } from '../../db/context.js';
import type { Input } from '../../shared/contract/index.js';
import { buildBranch, buildMember, buildOutlet, buildTree, call, nextSeq } from '../support/builders.js';

export async function buildWorld(ctx: ApiContext) {
  const { county, grid } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id, { name: '骊山路营业厅', gridId: grid.id });
  const branch = await buildBranch(ctx, county.id, { name: `骊山路党支部${nextSeq()}`, outletIds: [outlet.id] });
  const other = await buildBranch(ctx, county.id, { name: `华清党支部${nextSeq()}` });
  const names = ['王建国', '李秀英', '张伟', '刘洋'];
  const full = [];
  for (const name of names) full.push(await buildMember(ctx, outlet.id, branch.id, { name }));
  const probationary = await buildMember(ctx, outlet.id, branch.id, {
    name: '陈预备', politicalStatus: 'probationary', member: { branchId: branch.id, joinDate: '2025-11-28' },
  });
  const stranger = await buildMember(ctx, outlet.id, other.id, { name: '赵外支' });
  await call(ctx, 'partyOrgs.save', {
    id: branch.id, name: branch.name, orgType: 'branch', unitId: county.id, outletIds: [outlet.id],
    committee: [{ personId: full[0]!.id, role: 'secretary' }, { personId: full[1]!.id, role: 'organisation' }, { personId: full[2]!.id, role: 'propaganda' }],
  });
  const group = await call(ctx, 'partyGroups.save', { branchId: branch.id, name: '第一党小组' });
  const instructor = await call(ctx, 'instructors.save', { name: '孙指导', unitId: county.id, active: true, personId: null });
  return { county, grid, outlet, branch, other, full, probationary, stranger, group, instructor };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A theme day held on `heldOn` with everyone present but one absent and the probationary one excused. */
export function themeDay(w: World, heldOn: string, over: Partial<Input<'activities.save'>> = {}): Input<'activities.save'> {
  return {
    type: 'theme_day', orgId: w.branch.id, title: `${heldOn.slice(0, 7)}主题党日`, heldOn, place: '党员活动室', topic: '学习党的二十届四中全会精神',
    hostPersonId: w.full[0]!.id, recorderPersonId: w.full[1]!.id, minutes: '集体学习，交流发言。',
    attendance: [
      ...w.full.slice(0, 3).map((p) => ({ personId: p.id, status: 'present' as const })),
      { personId: w.full[3]!.id, status: 'absent' as const, reason: '外出培训' },
      { personId: w.probationary.id, status: 'excused' as const, reason: '病假' },
    ],
    ...over,
  };
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A real w×h PNG (solid colour), so tests exercise the same bytes a camera photo would pass. */
export function pngBytes(w = 4, h = 3, rgb: [number, number, number] = [200, 16, 46]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
