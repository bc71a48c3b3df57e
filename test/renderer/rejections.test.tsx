// The rejection records on the 同步 screen: each offers 重新应用 and 忽略, except a write to a row
// HQ deleted and purged, which HQ refuses however often it is sent: that one offers 忽略 alone, and
// its reason says so.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RejectionTable } from '../../renderer/features/sync/RecordTables';
import { encodeHlc } from '../../shared/sync/hlc.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { realBackend } from './backend.js';
import { SyncEngine } from '../../db/sync/engine.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
  new SyncEngine({ raw: backend.store.raw, session: backend.session }); // serves the sync API; never started (no HQ here)
});
afterEach(async () => backend.cleanup());

function rejection(seq: number, name: string, code: string, zh: string) {
  const hlc = encodeHlc({ ms: Date.UTC(2026, 10, 20, 8), counter: seq, node: backend.session.deviceId });
  backend.store.raw
    .prepare(`INSERT INTO sync_rejections (seq, tbl, row_id, hlc, cols, code, reason_zh, reason_en, at) VALUES (?, 'outlets', ?, ?, ?, ?, ?, 'refused', ?)`)
    .run(seq, uuidv7(), hlc, JSON.stringify({ name }), code, zh, new Date().toISOString());
}

it('offers 重新应用 for a refused write but not for one to a row HQ has purged', async () => {
  rejection(1, '越权改名的网点', 'out_of_scope', '超出本设备的数据范围');
  rejection(2, '已清理的网点', 'purged', '该记录已在总部删除并清理，此修改未保存到总部');
  render(<App><RejectionTable include="open" onChange={() => {}} /></App>);
  const table = await screen.findByTestId('sync-rejections');
  const row = async (name: string) => (await within(table).findAllByText(new RegExp(name)))[0]!.closest('tr')!;

  const scope = await row('越权改名的网点');
  expect(within(scope).getByRole('button', { name: '重新应用' })).toBeTruthy();
  expect(within(scope).getByRole('button', { name: /忽\s*略/ })).toBeTruthy();

  const purged = await row('已清理的网点');
  expect(within(purged).getByText('该记录已在总部删除并清理，此修改未保存到总部')).toBeTruthy();
  expect(within(purged).queryByRole('button', { name: '重新应用' })).toBeNull();
  expect(within(purged).getByText('无法恢复，如需要请新建录入')).toBeTruthy();
  expect(within(scope).queryByText('无法恢复，如需要请新建录入')).toBeNull();
  fireEvent.click(within(purged).getByRole('button', { name: /忽\s*略/ }));
  await waitFor(() => expect(backend.store.raw.prepare(`SELECT dismissed_at FROM sync_rejections WHERE seq = 2`).get()).not.toEqual({ dismissed_at: null }));
});
