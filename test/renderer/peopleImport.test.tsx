// The import drawer against a real backend: a messy roster's preview names each problem, the plain
// import is refused while problems remain, skipping them imports the rest.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ImportDrawer } from '../../renderer/features/people/import/ImportDrawer';
import { messyRoster } from '../fixtures/rosters/build.js';
import { buildBranch, buildOutlet, buildTree } from '../support/builders.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
  const { county } = await buildTree(backend.context());
  await buildOutlet(backend.context(), county.id, { code: 'XA-LT-0001' });
  await buildBranch(backend.context(), county.id, { name: '临潼营业部党支部' });
});
afterEach(async () => backend.cleanup());

it('previews a messy roster, refuses a plain import while problems remain, and imports the rest when asked', async () => {
  const user = userEvent.setup();
  let imported = false;
  render(<App><ImportDrawer open onClose={(x) => (imported = x)} /></App>);
  const dialog = await screen.findByRole('dialog');
  const buf = await messyRoster('临潼营业部党支部', 'XA-LT-0001');
  const file = new File([new Uint8Array(buf)], '花名册.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(within(dialog).getByTestId('roster-file'), { target: { files: [file] } });
  expect(await within(dialog).findByText('共 6 行：新增 5，更新 0，无变化 0，有问题 1', {}, { timeout: 15_000 })).toBeTruthy();
  expect(within(dialog).getByText('身份证号校验位错误，请核对')).toBeTruthy();
  const plain = within(dialog).getByRole('button', { name: '确认导入' });
  expect((plain as HTMLButtonElement).disabled).toBe(true);
  const count = () => (backend.store.raw.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  expect(count()).toBe(0);
  await user.click(within(dialog).getByRole('button', { name: '跳过有问题的 1 行，导入其余 5 行' }));
  await waitFor(() => expect(count()).toBe(5), { timeout: 15_000 });
  await user.click(await within(dialog).findByRole('button', { name: 'OK' }));
  expect(imported).toBe(true);
  expect(backend.calls).toEqual(expect.arrayContaining(['roster.preview', 'roster.commit']));
}, 60_000);
