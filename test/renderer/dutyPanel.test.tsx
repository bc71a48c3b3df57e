// 履职情况 against a real backend (field trial: "漏访 6" beside a reason saying one visit was missed,
// and a yellow light with no reason). The 漏访 column, the light and the words beside them come from
// one computation, so they say the same thing; the lights have a key.
import { render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { setTransport } from '../../renderer/api/client';
import { DutyPanel } from '../../renderer/features/orglife/instructors/DutyPanel';
import { buildWorld } from '../orglife/world.js';
import { buildOutlet, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
beforeEach(async () => {
  // 12:00 on 3 December in Beijing, for the panel's "this half-year" and the backend's "today" alike.
  vi.useFakeTimers({ now: new Date('2026-12-03T04:00:00Z'), toFake: ['Date'] });
  p = await tempProfile();
  ctx = p.context();
  setTransport({ invoke: async (name, input) => dispatch(ctx, name, input) });
});
afterEach(async () => {
  vi.useRealTimers();
  await p.cleanup();
});

const rowOf = (name: string) => screen.getByText(name, { selector: 'td' }).closest('tr')!;
/** The 预警原因 column, the row's last. */
const why = (row: HTMLElement) => [...row.querySelectorAll('td')].at(-1)!.textContent ?? '';

it('shows as many missed visits as its reason states, and a reason for every yellow light', async () => {
  const w = await buildWorld(ctx);
  // 孙指导 has six contact points, each visited every month from July to November but one, never
  // two in a row: six visits missed, a yellow light (the field trial's "漏访 6 · 有联系点漏访一次").
  const months = ['07', '08', '09', '10', '11'];
  for (let i = 0; i < 6; i++) {
    const o = await buildOutlet(ctx, w.county.id, { name: `联系点${i + 1}号` });
    await call(ctx, 'instructorAssignments.save', { instructorId: w.instructor.id, outletId: o.id, validFrom: '2026-07-01', isContactPoint: true });
    for (const m of months.filter((_, j) => j !== i % 5)) {
      await call(ctx, 'activities.save', { type: 'instructor_visit', instructorId: w.instructor.id, venueOutletIds: [o.id], title: '驻点指导', heldOn: `2026-${m}-10`, minutes: '指导三会一课' });
    }
  }
  const done = { instructorId: w.instructor.id, heldOn: '2026-09-15', topic: '党建引领渠道服务' };
  await call(ctx, 'activities.save', { ...done, type: 'lecture', orgId: w.branch.id, title: '专题党课', details: { lecturerName: '孙指导' }, attendance: [{ personId: w.full[0]!.id, status: 'present' }] });
  await call(ctx, 'activities.save', { ...done, type: 'talk', title: '谈心谈话', details: { talkeeName: '王建国' } });
  await call(ctx, 'activities.save', { ...done, type: 'task_force', title: '攻坚', details: { goal: '宽带攻坚', result: '完成' } });
  // 周指导 has nothing to visit and has done nothing yet this half-year: only "late", which used to
  // show a yellow light with an empty reason.
  await call(ctx, 'instructors.save', { name: '周指导', unitId: w.county.id, active: true, personId: null });

  render(<App><DutyPanel /></App>);
  await waitFor(() => expect(screen.getByText('孙指导', { selector: 'td' })).toBeTruthy(), { timeout: 8000 });
  const sun = rowOf('孙指导');
  expect(within(sun).getByRole('img', { name: '黄灯' })).toBeTruthy();
  const cells = sun.querySelectorAll('td');
  const missedCell = [...cells].find((td) => td.textContent === '6');
  expect(missedCell).toBeTruthy();
  expect(why(sun)).toBe('漏访 6 次（6 个联系点：联系点1号、联系点2号、联系点3号 等）');

  const zhou = rowOf('周指导');
  expect(within(zhou).getByRole('img', { name: '黄灯' })).toBeTruthy();
  const reasons = why(zhou);
  expect(reasons).toContain('2026年下半年尚未讲党课，2026-12-31 截止');
  expect(reasons).toContain('2026年尚未参与攻坚项目，2026-12-31 截止');

  const legend = screen.getByTestId('duty-legend');
  for (const words of ['按期履职', '漏访或临近截止', '连续漏访或未讲党课']) expect(legend.textContent).toContain(words);
}, 60_000);
