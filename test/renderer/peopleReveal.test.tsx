// The person drawer masks the id and phone; 查看完整信息 fills in the full values for a county
// organiser and the backend logs the look. History of the person shows under the form.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PersonForm } from '../../renderer/features/people/PersonForm';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { buildBranch, buildOutlet, buildTree, call } from '../support/builders.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
});
afterEach(async () => backend.cleanup());

it('reveals the full id and phone on request, logs it, and shows the history', async () => {
  const ctx = backend.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id);
  const branch = await buildBranch(ctx, county.id);
  const id = makeCitizenId('610115', '1985-06-15', 11, true);
  const p = await call(ctx, 'people.save', { name: '张三', citizenId: id, phone: '13912345678', politicalStatus: 'full_member', outletId: outlet.id, member: { branchId: branch.id, joinDate: '2008-07-01' } });
  await call(ctx, 'members.recordChange', { personId: p.id, change: { kind: 'standing', standing: 'suspended', on: '2026-01-05', reason: '停止党籍' } });

  const user = userEvent.setup();
  render(<App><PersonForm open personId={p.id} onClose={() => {}} /></App>);
  const dialog = await screen.findByRole('dialog');
  expect(await within(dialog).findByText(`已脱敏：610115********${id.slice(-4)}`, { exact: false })).toBeTruthy();
  expect((within(dialog).getByLabelText('身份证号') as HTMLInputElement).value).toBe('');
  expect(await within(dialog).findByText(/党籍状态：正常 → 停止党籍/)).toBeTruthy();

  await user.click(within(dialog).getByRole('button', { name: /查看完整信息/ }));
  await waitFor(() => expect((within(dialog).getByLabelText('身份证号') as HTMLInputElement).value).toBe(id));
  expect((within(dialog).getByLabelText('手机号') as HTMLInputElement).value).toBe('13912345678');
  const log = await call(ctx, 'registry.audit', { kind: 'reveal' });
  expect(log.rows.map((r) => r.subjectName)).toEqual(['张三']);
});
