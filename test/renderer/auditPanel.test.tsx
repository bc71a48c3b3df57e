// The audit log read in English (field trial: Chinese sentences and a 是 tag under English headers).
// Entries are written by the real backend — an import, a reveal, an export with full values — and the
// panel must say each in English, keeping only the data (a person's or file's name) as it is.
import { render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AuditPanel } from '../../renderer/features/people/AuditPanel';
import { useLang } from '../../renderer/i18n';
import { buildBranch, buildMember, buildOutlet, buildTree, call, validId } from '../support/builders.js';
import { ids, workbook } from '../fixtures/rosters/build.js';
import { realBackend } from './backend.js';

let backend: Awaited<ReturnType<typeof realBackend>>;
beforeEach(async () => {
  backend = await realBackend();
});
afterEach(async () => {
  useLang.setState({ lang: 'zh' });
  await backend.cleanup();
});

const CJK = /[\u3400-\u9fff\uff08\uff09]/;

async function threeEntries() {
  const ctx = backend.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id);
  const branch = await buildBranch(ctx, county.id, { name: '临潼营业部党支部' });
  const file = await workbook([{ name: 'Sheet1', rows: [['姓名', '身份证号', '入党日期', '所在党支部'], ['张三', ids.a, '2008-07-01', '临潼营业部党支部']] }]);
  await call(ctx, 'roster.commit', { file: { name: 'lintong-roster.xlsx', base64: file.toString('base64') } });
  const p = await buildMember(ctx, outlet.id, branch.id, { name: '李四', citizenId: validId('1979-03-03', true, 901) });
  await call(ctx, 'people.reveal', { id: p.id });
  await call(ctx, 'registry.export', { list: 'roster', fullIds: true });
}

async function rows() {
  await waitFor(() => expect(screen.getAllByTestId('audit-what')).toHaveLength(3));
  return screen.getAllByRole('row').slice(1).map((r) => within(r));
}

it('says each entry in English, with English tags', async () => {
  await threeEntries();
  useLang.setState({ lang: 'en' });
  render(<App><AuditPanel /></App>);
  const [exported, revealed, imported] = await rows();
  expect(exported!.getByTestId('audit-what').textContent).toBe('Exported "Member roster", 2 rows, with full ids and phones');
  expect(revealed!.getByTestId('audit-what').textContent).toBe('Revealed the full id and phone of 李四');
  expect(imported!.getByTestId('audit-what').textContent).toBe('Imported the roster "lintong-roster.xlsx": 1 added or updated');
  const tags = screen.getAllByTestId('audit-tag').map((t) => t.textContent);
  expect(tags).toEqual(['Export', 'Yes', 'Reveal', 'Yes', 'Import']);
  // Apart from names (the person's, the user's), nothing on a row is Chinese: not the tags, the sentence or the role.
  const user = (await call(backend.context(), 'session.info', {})).userName;
  for (const r of [exported!, revealed!, imported!]) {
    const text = r.getAllByRole('cell').map((c) => c.textContent).join(' ').replace('李四', '').replace(user, '');
    expect(text).not.toMatch(CJK);
    expect(r.getAllByRole('cell')[2]!.textContent).toBe(`${user} (County organiser)`);
  }
});

it('keeps the recorded Chinese sentence in Chinese', async () => {
  await threeEntries();
  render(<App><AuditPanel /></App>);
  const [exported, revealed] = await rows();
  expect(exported!.getByTestId('audit-what').textContent).toMatch(/^导出“党员花名册”.*含完整身份证号和手机号$/);
  expect(revealed!.getByTestId('audit-what').textContent).toBe('查看完整身份证号和手机号：李四');
  expect(screen.getAllByTestId('audit-tag').map((t) => t.textContent)).toEqual(['导出', '是', '查看完整信息', '是', '导入']);
});
