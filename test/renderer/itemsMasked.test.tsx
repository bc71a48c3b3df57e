// 三单 on screen: a points item shows the member to the county organiser, and to an auditor only the
// neutral text (in the chosen language) with no member and no action to take.
import { render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { setTransport } from '../../renderer/api/client';
import { ItemsTab } from '../../renderer/features/assessment/items/ItemsTab';
import { useLang } from '../../renderer/i18n';
import type { Role } from '../../shared/domain/enums.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { at, buildWorld, recordQ3 } from '../points/world.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
const as = (role: Role) => setTransport({ invoke: async (name, input) => dispatch({ ...at(ctx, '2026-11-10', role), session: { ...ctx.session, role, userName: role === 'auditor' ? '审计员' : '刘组织员' } }, name, input) });

beforeEach(async () => {
  p = await tempProfile();
  ctx = p.context();
  const w = await buildWorld(ctx);
  await recordQ3(ctx, w);
  await call(at(ctx, '2026-10-05'), 'points.publish', { orgId: w.branch.id, quarter: '2026-Q3' });
});
afterEach(async () => {
  useLang.getState().setLang('zh');
  await p.cleanup();
});

const rows = async () => {
  const table = await screen.findByTestId('as-items', {}, { timeout: 10_000 });
  await waitFor(() => expect(table.querySelectorAll('.ant-table-row').length).toBe(2));
  return [...table.querySelectorAll('.ant-table-row')].map((r) => r.textContent ?? '');
};

it('shows the organiser who is listed and why', async () => {
  as('county_organiser');
  render(<App><ItemsTab /></App>);
  const texts = await rows();
  expect(texts.join()).toContain('整改：刘洋（2026-Q3 党员积分列入三单）');
  expect(screen.queryByTestId('as-item-masked')).toBeNull();
  expect(screen.getAllByRole('button', { name: '开始办理' }).length).toBe(2);
}, 30_000);

it('shows an auditor a neutral item without the member or an action, in Chinese and in English', async () => {
  as('auditor');
  const { unmount } = render(<App><ItemsTab /></App>);
  const texts = await rows();
  expect(texts.join()).not.toMatch(/刘洋|陈预备|较差/);
  expect(screen.getAllByTestId('as-item-masked').map((e) => e.textContent)).toEqual(['积分整改事项（详情仅责任人和组织员可见）', '积分整改事项（详情仅责任人和组织员可见）']);
  expect(screen.queryByRole('button', { name: '开始办理' })).toBeNull();
  unmount();
  useLang.getState().setLang('en');
  render(<App><ItemsTab /></App>);
  await rows();
  expect(screen.getAllByTestId('as-item-masked')[0]!.textContent).toBe('Points rectification item (details only for its owner and organisers)');
}, 30_000);
