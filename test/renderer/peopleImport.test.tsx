// The import drawer against a real backend: a messy roster's preview names each problem, the plain
// import is refused while problems remain, skipping them imports the rest; value mapping, warnings
// and ignored rows.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ImportDrawer } from '../../renderer/features/people/import/ImportDrawer';
import { useLang } from '../../renderer/i18n';
import { messyRoster } from '../fixtures/rosters/build.js';
import { PLACES } from '../fixtures/rosters/cases.js';
import { branchNicknames, jobTitles, totalsAndSignatures } from '../fixtures/rosters/messyA.js';
import { placesFor } from '../fixtures/rosters/places.js';
import { buildBranch, buildOutlet, buildTree } from '../support/builders.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
});
/** The county, outlet and branch the old messy roster names. */
async function basic() {
  const { county } = await buildTree(backend.context());
  await buildOutlet(backend.context(), county.id, { code: 'XA-LT-0001' });
  await buildBranch(backend.context(), county.id, { name: '临潼营业部党支部' });
}
afterEach(async () => backend.cleanup());

it('previews a messy roster, refuses a plain import while problems remain, and imports the rest when asked', async () => {
  await basic();
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

// Field trial, roster import on real files: a branch written by its nickname no longer blocks its
// rows with no way forward. The drawer lists each such value once; choosing an existing branch or
// creating one previews again at once; the import then writes them, and the next import of the
// same office finds the choice already made.
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const o = await waitFor(() => {
    const el = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((x) => x.getAttribute('title')?.startsWith(option));
    if (!el) throw new Error(`${option} not offered`);
    return el;
  });
  fireEvent.click(o);
}

async function upload(dialog: HTMLElement, buf: Buffer) {
  const file = new File([new Uint8Array(buf)], '党员名册.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(within(dialog).getByTestId('roster-file'), { target: { files: [file] } });
}

it('maps a branch nickname to an existing branch and creates another, imports, and remembers the choice next time', async () => {
  const user = userEvent.setup();
  await placesFor(backend.context());
  const first = render(<App><ImportDrawer open onClose={() => {}} /></App>);
  const dialog = await screen.findByRole('dialog');
  const buf = await branchNicknames.build('');
  await upload(dialog, buf);
  expect(await within(dialog).findByText('共 5 行：新增 1，更新 0，无变化 0，有问题 4', {}, { timeout: 15_000 })).toBeTruthy();
  const values = within(dialog).getByTestId('value-mapping');
  expect(within(values).getByText('营业部支部')).toBeTruthy();
  expect(within(values).getAllByText('未对应')).toHaveLength(2);
  expect(within(dialog).getByText('未填写所在党支部（党员必填）')).toBeTruthy();

  await pick('营业部支部→', PLACES.branch);
  expect(await within(dialog).findByText('共 5 行：新增 3，更新 0，无变化 0，有问题 2', {}, { timeout: 15_000 })).toBeTruthy();
  await pick('社会渠道党支部→', '新建“社会渠道党支部”');
  expect(await within(dialog).findByText('共 5 行：新增 4，更新 0，无变化 0，有问题 1', {}, { timeout: 15_000 })).toBeTruthy();
  // The new branch goes under the county its rows' outlets are in; what it lacks is said.
  expect(within(values).getByLabelText('社会渠道党支部：新建到')).toBeTruthy();
  expect(within(dialog).getByText(/新建的党支部只有名称和所属单位/)).toBeTruthy();
  const count = (sql: string) => (backend.store.raw.prepare(sql).get() as { n: number }).n;
  expect(count(`SELECT count(*) AS n FROM party_orgs WHERE name = '社会渠道党支部'`)).toBe(0);

  await user.click(within(dialog).getByRole('button', { name: '跳过有问题的 1 行，导入其余 4 行' }));
  await waitFor(() => expect(count('SELECT count(*) AS n FROM people')).toBe(4), { timeout: 15_000 });
  expect(await within(dialog).findByText(/新建党支部 1 个/)).toBeTruthy();
  expect(count(`SELECT count(*) AS n FROM party_orgs WHERE name = '社会渠道党支部'`)).toBe(1);
  first.unmount();

  render(<App><ImportDrawer open onClose={() => {}} /></App>);
  const again = await screen.findByRole('dialog');
  await upload(again, buf);
  expect(await within(again).findByText('共 5 行：新增 0，更新 0，无变化 4，有问题 1', {}, { timeout: 15_000 })).toBeTruthy();
  expect(within(within(again).getByTestId('value-mapping')).getByText('沿用上次')).toBeTruthy();
}, 60_000);

it('shows warnings apart from errors and the ignored rows with their reason, in English too', async () => {
  await placesFor(backend.context());
  useLang.setState({ lang: 'en' });
  try {
    render(<App><ImportDrawer open onClose={() => {}} /></App>);
    const dialog = await screen.findByRole('dialog');
    await upload(dialog, await totalsAndSignatures.build(''));
    expect(await within(dialog).findByText('Ignored rows (7)', {}, { timeout: 15_000 })).toBeTruthy();
    expect(within(dialog).getAllByText(/Total row/)).toHaveLength(2);
    expect(within(dialog).getByText('7 rows ignored: totals, signatures, not people')).toBeTruthy();
    expect(within(dialog).queryByText(/rows with warnings/)).toBeNull();
    await upload(dialog, await jobTitles.build(''));
    expect(await within(dialog).findByText(/"综合岗" is not recognised/, {}, { timeout: 15_000 })).toBeTruthy();
    expect(within(dialog).getAllByText('Warnings')).toHaveLength(2);
    expect(within(dialog).getByText('2 rows with warnings: imported, each change shown')).toBeTruthy();
    expect(within(within(dialog).getByTestId('value-mapping')).getByText('Value mapping')).toBeTruthy();
  } finally {
    useLang.setState({ lang: 'zh' });
  }
}, 60_000);
