// The 同步 screen of a device not yet enrolled, against a real backend: it says nothing is sent until
// enrolment, counts the changes waiting all the same, says why no USB bundle can be made yet, and an
// enrolment that fails says which thing to fix — an HQ it could not reach (named by address) or a
// wrong code — marking that field alone.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { createServer } from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SyncPage } from '../../renderer/features/sync';
import { useLang } from '../../renderer/i18n';
import { SyncEngine } from '../../db/sync/engine.js';
import { call } from '../support/builders.js';
import { startTestHq } from '../sync/support.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
  new SyncEngine({ raw: backend.store.raw, session: backend.session }); // serves the sync API; never started
});
afterEach(async () => {
  useLang.setState({ lang: 'zh' });
  await backend.cleanup();
});

/** Two org units and their links: four local writes waiting. */
async function someWork() {
  const ctx = backend.context();
  const top = await call(ctx, 'orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' });
  await call(ctx, 'orgUnits.save', { code: 'xa', name: '西安分公司', level: 'city', parentId: top.id });
}

async function closedPortUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((done) => srv.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

const fieldError = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')?.textContent ?? null;

async function enrol(url: string, code: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('总部服务器地址'), url);
  await user.type(screen.getByLabelText('注册码'), code);
  await user.click(screen.getByRole('button', { name: /注\s*册/ }));
  return within(await screen.findByTestId('enrol-error', {}, { timeout: 15_000 }));
}

it('says nothing is sent before enrolment, counts what waits, and why no bundle can be made yet', async () => {
  await someWork();
  render(<App><SyncPage /></App>);
  const notice = await screen.findByTestId('sync-not-enrolled');
  expect(within(notice).getByText('本机尚未注册到总部：修改只保存在本机，注册之前不会发送给总部')).toBeTruthy();
  expect(within(notice).getByText(/^本机有 4 条修改等待发送（最早一条：刚刚）。注册后的第一次同步会把它们发给总部/)).toBeTruthy();
  expect(within(screen.getByTestId('sync-card-待发送的修改')).getByText('4')).toBeTruthy();
  const relay = screen.getByTestId('relay-panel');
  expect(within(relay).getByTestId('relay-not-enrolled').textContent).toContain('注册之后才能使用同步包，现在无法导出');
  expect(within(relay).getByRole('button', { name: /导出同步包/ }).hasAttribute('disabled')).toBe(true);
  expect(screen.getByText('注册本设备到总部')).toBeTruthy();
});

it('says so in English too, and that nothing waits on a fresh device', async () => {
  useLang.setState({ lang: 'en' });
  render(<App><SyncPage /></App>);
  const notice = await screen.findByTestId('sync-not-enrolled');
  expect(notice.textContent).toContain('This device is not enrolled with HQ: changes are kept here only, and nothing is sent until it is enrolled');
  expect(notice.textContent).toContain('No changes are waiting on this device.');
  expect(screen.getByTestId('relay-not-enrolled').textContent).toContain('Sync bundles work only after enrolment');
});

it('names the unreachable HQ by its address and marks the address, not the code', async () => {
  await someWork();
  const url = await closedPortUrl();
  render(<App><SyncPage /></App>);
  const error = await enrol(url, 'ABCD-EFGH-JKLM');
  expect(error.getByText(`注册失败：无法连接总部服务器 ${url}：网络不通、地址有误或服务器没有开启。请核对地址、检查网络后重试`)).toBeTruthy();
  await waitFor(() => expect(fieldError('总部服务器地址')).toBe('请核对总部服务器地址'));
  expect(fieldError('注册码')).toBeNull();
  // Still not enrolled, and the waiting changes are still counted.
  expect(within(screen.getByTestId('sync-not-enrolled')).getByText(/本机有 4 条修改等待发送/)).toBeTruthy();
  // Switching language redraws the reason and the mark in the other language.
  act(() => useLang.setState({ lang: 'en' }));
  await waitFor(() => expect(screen.getByTestId('enrol-error').textContent).toBe(`Enrolment failed: Could not reach the HQ server at ${url}: no network, a wrong address, or the server is not running. Check the address and the network, then try again`));
  await waitFor(() => expect(fieldError('HQ server address')).toBe('Check the HQ address'));
});

it('calls a wrong code a wrong code and marks the code, not the address', async () => {
  const hq = await startTestHq();
  try {
    render(<App><SyncPage /></App>);
    const error = await enrol(hq.url, 'WRONG-CODE-0000');
    expect(error.getByText('注册失败：注册码无效、已过期或已被使用，请向管理员重新申请')).toBeTruthy();
    await waitFor(() => expect(fieldError('注册码')).toBe('请核对注册码'));
    expect(fieldError('总部服务器地址')).toBeNull();
  } finally {
    await hq.close();
  }
});
