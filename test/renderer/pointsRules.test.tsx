// 积分规则's three-lists rectification window (points.rectifyDays) against a real backend: a value
// that is not a whole number of days from 1 to 365 is refused on screen in the user's language and
// nothing is sent; a good one is stored alone (the rules do not become "adjusted here") and shown.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import { setTransport } from '../../renderer/api/client';
import { RulesView } from '../../renderer/features/points/RulesView';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
let ctx: ApiContext;
const sets: string[] = [];
beforeEach(async () => {
  p = await tempProfile();
  sets.length = 0;
  ctx = { ...p.context(), session: { ...p.context().session, role: 'county_organiser', userName: '县组织员' } };
  setTransport({ invoke: async (name, input) => {
    if (name === 'settings.set') sets.push((input as { key: string }).key);
    return dispatch(ctx, name, input);
  } });
});
afterEach(async () => p.cleanup());

const stored = async () => {
  const r = await dispatch(ctx, 'settings.get', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.data as Record<string, unknown>;
};
const typeDays = (value: string) => {
  const input = screen.getByLabelText('三单整改期限') as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};
const ISSUE = '三单整改期限须为 1–365 之间的整数天';

describe('the rectification window on the points rules screen', () => {
  it('refuses 0, 366 and an empty field without sending anything, then stores 45 alone', async () => {
    render(<App><RulesView /></App>);
    expect(await screen.findByText('列入三单后 30 天内完成整改', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '调整规则' }));
    for (const bad of ['0', '366', '']) {
      typeDays(bad);
      expect((await screen.findAllByText(ISSUE)).length).toBeGreaterThan(0);
      expect((screen.getByRole('button', { name: '保存规则' }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(sets).toEqual([]);
    expect((await stored())['points.rectifyDays']).toBeUndefined();

    typeDays('45');
    await waitFor(() => expect(screen.queryByText(ISSUE)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '保存规则' }));
    await waitFor(() => expect(sets).toEqual(['points.rectifyDays']));
    expect(await screen.findByText('列入三单后 45 天内完成整改', {}, { timeout: 10_000 })).toBeTruthy();
    expect((await stored())['points.rectifyDays']).toBe(45);
    expect(screen.getByText('全省默认')).toBeTruthy();
  }, 60_000);
});
