// The conversion view (发展流程, probationary stage) shows a probationary member's points average
// since admission, with the number of quarters and the grade behind it.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { setTransport } from '../../renderer/api/client';
import { PipelinePanel } from '../../renderer/features/people/lifecycle/PipelinePanel';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { buildWorld, recordQ3, type World } from '../points/world.js';

let backend: Awaited<ReturnType<typeof tempProfile>>;
let w: World;
beforeEach(async () => {
  backend = await tempProfile();
  // 12:00 on 3 December 2026 in Beijing: 2026-Q4 is not over, so it does not count yet.
  const ctx = { ...backend.context(), now: () => new Date('2026-12-03T04:00:00Z') };
  setTransport({ invoke: async (name, input) => dispatch(ctx, name, input) });
  w = await buildWorld(ctx);
  await recordQ3(ctx, w);
  await call(ctx, 'points.addEntry', { personId: w.probationary.id, itemKey: 'honour', occurredOn: '2026-09-10', reason: '获评服务之星' });
});
afterEach(async () => backend.cleanup());

it('shows the probationary member\'s points average in the pipeline, with quarters and grade on hover', async () => {
  render(<App><PipelinePanel /></App>);
  const cell = await screen.findByTestId('pipeline-points', {}, { timeout: 20_000 });
  expect(cell.closest('tr')?.textContent).toContain('陈预备');
  // Admitted 2025-11-28: 2025-Q4 and 2026-Q1..Q3 at the base of 70, an honour of 5 in Q3.
  expect(cell.textContent).toBe('71.3');
  fireEvent.mouseEnter(cell);
  await waitFor(() => expect(document.body.textContent).toContain('预备期内 4 个季度的平均积分，等级：合格'));
}, 60_000);
