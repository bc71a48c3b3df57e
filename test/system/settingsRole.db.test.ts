// An instructor's or auditor's device cannot change settings on the device either: before this, the
// change applied locally (the instructor's own board ran on it) until HQ refused the row on sync.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import type { ApiContext } from '../../db/context.js';
import type { Role } from '../../shared/domain/enums.js';
import { tempProfile } from '../support/store.js';

let p: Awaited<ReturnType<typeof tempProfile>>;
const as = (role: Role): ApiContext => ({ ...p.context(), session: { ...p.session, role, scopePath: '/hq/xa/lintong/' } });
const rows = () => (p.store.raw.prepare("SELECT count(*) AS n FROM settings WHERE key = 'assessment.windows'").get() as { n: number }).n;

beforeEach(async () => { p = await tempProfile(); });
afterEach(async () => p.cleanup());

it('refuses an instructor a setting in both languages and stores nothing', async () => {
  const r = await dispatch(as('instructor'), 'settings.set', { key: 'assessment.windows', value: { contactDays: 60 } });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.message).toBe('只有县级组织员和省公司管理员可以修改系统设置');
  expect(r.error.messageEn).toBe('Only county organisers and HQ administrators change settings');
  expect(rows()).toBe(0);
});

it('refuses an auditor too (read-only everywhere)', async () => {
  expect((await dispatch(as('auditor'), 'settings.set', { key: 'security.idle_lock_minutes', value: 5 })).ok).toBe(false);
  expect((await dispatch(as('auditor'), 'settings.set', { key: 'assessment.windows', value: { contactDays: 60 } })).ok).toBe(false);
  expect(rows()).toBe(0);
});

it('lets a county organiser change it for the county', async () => {
  const r = await dispatch(as('county_organiser'), 'settings.set', { key: 'assessment.windows', value: { contactDays: 60 } });
  expect(r.ok).toBe(true);
  expect(rows()).toBe(1);
});
