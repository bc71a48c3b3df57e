// Value mapping beyond the table of messy rosters: what a created branch is, what is remembered for
// whom (the same device user in the same scope, whatever the next file's layout), what a stale
// memory does, what the mapping input refuses, and the English side of the new messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';
import { idOf, PLACES, roster, type Refs } from '../fixtures/rosters/cases.js';
import { branchNicknames } from '../fixtures/rosters/messyA.js';
import { placesFor } from '../fixtures/rosters/places.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
let ctx: ApiContext;
let refs: Refs;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
  ctx = p.context();
  refs = await placesFor(ctx);
});
afterEach(async () => p.cleanup());

const file = (buf: Buffer, name = '花名册.xlsx') => ({ name, base64: buf.toString('base64') });
const as = (userName: string, scopePath = ctx.session.scopePath): ApiContext => ({ ...ctx, session: { ...ctx.session, userName, scopePath } });
const one = <T,>(sql: string, ...args: unknown[]) => p.store.raw.prepare(sql).get(...args) as T;

/** Next month's roster from the same office, typed by someone else: other columns, the same words. */
const nextMonth = () =>
  roster(
    ['序号', '党员姓名', '公民身份号码', '所在支部', '入党年月', '转正年月', '现任职务'],
    [
      [1, '褚明', idOf('1979-09-09'), '营业部支部', '2003.07', '2004.07', '后勤保障'],
      [2, '卫东', idOf('1980-10-10'), '营业部支部', '2004.07', '2005.07', '营业员'],
    ],
  );
const nextMonthValues = [{ field: 'post' as const, value: '后勤保障', to: { kind: 'existing' as const, target: 'clerk' } }];

describe('value mapping', () => {
  it('creates a branch once, under the unit of its rows, with nothing else attached', async () => {
    const f = file(await branchNicknames.build(''));
    const values = branchNicknames.mapping!(refs);
    const preview = await call(ctx, 'roster.preview', { file: f, values });
    const created = preview.values.find((v) => v.value === '社会渠道党支部')!;
    expect(created).toMatchObject({ canCreate: true, canBlank: false, suggestedUnitId: refs.county, choice: { kind: 'create', unitId: refs.county }, source: 'input' });
    // The nickname offers the branch it abbreviates first.
    expect(preview.values.find((v) => v.value === '营业部支部')!.options[0]).toMatchObject({ id: refs.branch, label: PLACES.branch });
    expect(preview.units.map((u) => u.id)).toEqual(expect.arrayContaining([refs.county, refs.grid]));

    expect(await call(ctx, 'roster.commit', { file: f, values, skipInvalid: true })).toMatchObject({ created: 4, branchesCreated: 1 });
    const org = one<Record<string, unknown>>(`SELECT o.*, u.path FROM party_orgs o JOIN org_units u ON u.id = o.unit_id WHERE o.name = '社会渠道党支部'`);
    expect(org).toMatchObject({ org_type: 'branch', setting_mode: 'standalone', unit_id: refs.county, secretary_person_id: null });
    expect(org.scope_path).toBe(org.path);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM party_org_outlets WHERE org_id = ?`, org.id).n).toBe(0);
    expect(one<{ branch_id: string }>(`SELECT m.branch_id FROM members m JOIN people p ON p.id = m.person_id WHERE p.name = '周三'`).branch_id).toBe(org.id);
    const log = await call(ctx, 'registry.audit', { kind: 'import' });
    expect(log.rows[0]!.description).toContain('新建党支部1个（社会渠道党支部）');
  });

  it('remembers the choices for the same user and scope, whatever the next file looks like', async () => {
    await call(ctx, 'roster.commit', { file: file(await branchNicknames.build('')), values: branchNicknames.mapping!(refs), skipInvalid: true });
    // The created branch is remembered as the branch it became.
    const made = one<{ id: string }>(`SELECT id FROM party_orgs WHERE name = '社会渠道党支部'`);
    expect(one(`SELECT kind, target FROM import_value_mappings WHERE value = '社会渠道党支部'`)).toEqual({ kind: 'existing', target: made.id });

    const next = file(await nextMonth());
    const preview = await call(ctx, 'roster.preview', { file: next });
    expect(preview.values.find((v) => v.value === '营业部支部')).toMatchObject({ source: 'remembered', choice: { kind: 'existing', target: refs.branch } });
    // Both rows import; the month-only dates and the post nobody mapped yet are the warnings.
    expect(preview.totals).toMatchObject({ create: 2, error: 0, warning: 2 });
    expect(preview.rows.flatMap((r) => r.notes.map((n) => n.field))).toEqual(['joinDate', 'fullDate', 'post', 'joinDate', 'fullDate']);
    await call(ctx, 'roster.commit', { file: next, values: nextMonthValues });
    expect(one<{ branch_id: string }>(`SELECT m.branch_id FROM members m JOIN people p ON p.id = m.person_id WHERE p.name = '褚明'`).branch_id).toBe(refs.branch);

    // Another organiser on the same device, or the same one working in another scope, starts afresh.
    for (const other of [as('另一位组织员'), as(ctx.session.userName, '/hq/')]) {
      const fresh = await call(other, 'roster.preview', { file: file(await nextMonth()) });
      expect(fresh.values.find((v) => v.value === '营业部支部')).toMatchObject({ source: null, choice: null });
      expect(fresh.values.find((v) => v.value === '后勤保障')).toMatchObject({ source: null, choice: null });
    }
    // The user's own post mapping from the second import is there for the third.
    const third = await call(ctx, 'roster.preview', { file: file(await nextMonth()) });
    expect(third.values.find((v) => v.value === '后勤保障')).toMatchObject({ source: 'remembered', choice: { kind: 'existing', target: 'clerk' } });
  });

  it('lets the user override a remembered choice, and drops one whose record is gone', async () => {
    await call(ctx, 'roster.commit', { file: file(await nextMonth()), values: [...nextMonthValues, { field: 'branch', value: '营业部支部', to: { kind: 'existing', target: refs.joint } }] });
    const over = await call(ctx, 'roster.preview', {
      file: file(await nextMonth()), values: [{ field: 'branch', value: '营业部支部', to: { kind: 'existing', target: refs.twinCounty } }],
    });
    expect(over.values.find((v) => v.value === '营业部支部')).toMatchObject({ source: 'input', choice: { target: refs.twinCounty } });

    const lone = await call(ctx, 'partyOrgs.save', { name: '即将撤销的党支部', orgType: 'branch', unitId: refs.county });
    await call(ctx, 'roster.commit', {
      file: file(await roster(['姓名', '身份证号', '入党日期', '所在党支部'], [['韩一', idOf('1970-02-02'), '1999-07-01', '撤销支部']])),
      values: [{ field: 'branch', value: '撤销支部', to: { kind: 'existing', target: lone.id } }],
    });
    p.store.raw.prepare(`UPDATE party_orgs SET deleted = 1 WHERE id = ?`).run(lone.id);
    const stale = await call(ctx, 'roster.preview', {
      file: file(await roster(['姓名', '身份证号', '入党日期', '所在党支部'], [['韩二', idOf('1971-03-03'), '1999-07-01', '撤销支部']])),
    });
    expect(stale.values[0]).toMatchObject({ value: '撤销支部', choice: null, source: null });
    expect(stale.totals.error).toBe(1);
  });

  it('remembers nothing a refused or error-only row relied on', async () => {
    const f = file(await branchNicknames.build(''));
    const values = branchNicknames.mapping!(refs);
    expect((await dispatch(ctx, 'roster.commit', { file: f, values })).ok).toBe(false);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM import_value_mappings`).n).toBe(0);
    const onlyBad = await roster(['姓名', '身份证号', '入党日期', '所在党支部'], [['秦一', 'bad', '2001-07-01', '营业部支部'], ['秦二', idOf('1972-04-04'), '2001-07-01', PLACES.branch]]);
    await call(ctx, 'roster.commit', { file: file(onlyBad), values, skipInvalid: true });
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM import_value_mappings`).n).toBe(0);
  });

  it('refuses a mapping that creates what cannot be created or empties what cannot be empty', async () => {
    const f = file(await branchNicknames.build(''));
    const bad = [
      { field: 'post', value: '综合岗', to: { kind: 'create', unitId: refs.county } },
      { field: 'branch', value: '营业部支部', to: { kind: 'blank' } },
      { field: 'politicalStatus', value: '积极分子', to: { kind: 'blank' } },
    ];
    for (const v of bad) expect((await dispatch(ctx, 'roster.preview', { file: f, values: [v] } as never)).ok, JSON.stringify(v)).toBe(false);
    // An abbreviation that is not a branch name is not offered for creation.
    const abbreviated = await call(ctx, 'roster.preview', { file: file(await roster(['姓名', '身份证号', '入党日期', '党支部'], [['秦三', idOf('1973-05-05'), '2001-07-01', '营业部']])) });
    expect(abbreviated.values[0]).toMatchObject({ value: '营业部', canCreate: false });
    const planted = await call(ctx, 'roster.preview', {
      file: file(await roster(['姓名', '身份证号', '入党日期', '党支部'], [['秦三', idOf('1973-05-05'), '2001-07-01', '营业部']])),
      values: [{ field: 'branch', value: '营业部', to: { kind: 'create', unitId: refs.county } }],
    });
    expect(planted.totals.error).toBe(1);
  });

  it('keeps the stored value when an update leaves an optional value out', async () => {
    const id = idOf('1968-06-06');
    const header = ['姓名', '身份证号', '人员类别', '岗位', '网点编码'];
    await call(ctx, 'roster.commit', { file: file(await roster(header, [['尤一', id, '群众', '店长', PLACES.outlet1.code]])) });
    const again = await call(ctx, 'roster.preview', { file: file(await roster(header, [['尤一', id, '群众', '综合岗', 'XA-LT-9999']])) });
    expect(again.rows[0]).toMatchObject({ action: 'unchanged' });
    expect(again.rows[0]!.notes.map((n) => n.message).join()).toContain('此项未导入');
  });

  it('speaks English too', async () => {
    const preview = await call(ctx, 'roster.preview', { file: file(await branchNicknames.build('')) });
    const zhou4 = preview.rows.find((r) => r.name === '周四')!;
    expect(zhou4.problems.map((x) => x.messageEn)).toContain('No branch given (required for Party members)');
    expect(preview.rows.find((r) => r.name === '周一')!.problems[0]!.messageEn).toBe('Branch: No branch named "营业部支部"; map it under "Value mapping"');
    const totals = await call(ctx, 'roster.preview', { file: file(await roster(['姓名', '身份证号'], [['严一', idOf('1974-07-07')], ['合计：1人']])) });
    expect(totals.ignored).toEqual([{ rowNo: 3, text: '合计：1人', reason: '合计行', reasonEn: 'Total row' }]);
  });
});
