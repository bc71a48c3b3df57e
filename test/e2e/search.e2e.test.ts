// Pinyin search in Chromium: "zs" finds 张三, full pinyin and the given name's pinyin work, phone
// digits find the person, and filters narrow the result.
import { afterAll, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import type { RunningApp } from './support/app.js';
import { shot } from './support/browser.js';
import { lintongCounty, openSession, poll, type Session } from './support/session.js';


let s: Session;
let app: RunningApp;
let page: Page;
const api = <T,>(name: string, input: unknown) => s.api<T>(name, input);

beforeAll(async () => {
  s = await openSession();
  ({ app, page } = s);
  const { county } = await lintongCounty(api);
  const store = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0001', name: '临潼骊山路营业厅', channelType: 'own_store', countyId: county.id });
  const rural = await api<{ id: string }>('outlets.save', { code: 'XA-LT-0302', name: '代王镇乡村服务点', channelType: 'rural', countyId: county.id });
  const branch = await api<{ id: string }>('partyOrgs.save', { name: '临潼营业部党支部', orgType: 'branch', unitId: county.id });
  const people: [string, string, string, string][] = [
    ['张三', '1985-06-15', '13912345678', store.id], ['章山', '1990-03-02', '13800002222', rural.id], ['赵寿', '1979-10-10', '18009998888', rural.id],
    ['王建国', '1968-01-20', '15309871234', store.id], ['李娜', '1992-12-12', '13300001111', store.id], ['张德明', '1975-05-05', '13700005555', rural.id],
  ];
  for (const [i, [name, birth, phone, outletId]] of people.entries())
    await api('people.save', {
      name, phone, outletId, citizenId: makeCitizenId('610115', birth, 10 + i, i % 2 === 0), politicalStatus: 'full_member',
      member: { branchId: branch.id, joinDate: '2010-07-01', fullDate: '2011-07-01' },
    });
});

afterAll(async () => {
  await s?.close();
});

const search = page_search();
function page_search() {
  return async (q: string) => {
    const box = page.getByPlaceholder('姓名、网点、身份证号或手机号（至少4位）');
    await box.fill(q);
    await box.press('Enter');
  };
}
// The roster is a virtual table: rows are divs, the first cell holds the name.
const names = async () =>
  (await page.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => r.querySelector('.ant-table-cell')?.textContent?.trim() ?? ''))).sort();

it('finds people by pinyin initials, full pinyin, given-name pinyin, phone digits and outlet', async () => {
  await page.goto(app.url + '#/people');
  await poll(() => page.getByText('共 6 条').isVisible()).toBe(true);

  await search('zs');
  await poll(names).toEqual(['张三', '章山', '赵寿']);
  await poll(() => page.getByText('共 3 条').isVisible()).toBe(true);
  await shot(page, 'search-01-pinyin-initials-zs');

  await search('zhangsan');
  await poll(names).toEqual(['张三']);
  await search('jianguo');
  await poll(names).toEqual(['王建国']);
  await search('zdm');
  await poll(names).toEqual(['张德明']);
  await search('张');
  await poll(names).toEqual(['张三', '张德明']);
  await search('9871');
  await poll(names).toEqual(['王建国']);
  await search('乡村服务点');
  await poll(names).toEqual(['张德明', '章山', '赵寿']);
  // Two terms must both match: initials and an outlet name.
  await search('zs 代王镇');
  await poll(names).toEqual(['章山', '赵寿']);
  await shot(page, 'search-02-two-terms');

  await search('qqqq');
  await poll(() => page.getByText('没有符合条件的人员').isVisible()).toBe(true);
  await shot(page, 'search-03-no-match');
});
