// The reference data editor: province defaults ('/') and county overrides, each value checked by the
// shared rules the app applies (shared/console/refdata.ts), then written as HQ writes every setting —
// one row of the synced `settings` table — so it flows down by sync like any other. Every change is
// in the audit with its before and after; that is the setting's version history.
import { REF_KEYS, assertRefValue } from '../../shared/console/refdata.js';
import type { RefEntry, RefView } from '../../shared/console/types.js';
import { ApiError } from '../../shared/core/errors.js';
import { isUnder } from '../../shared/core/scope.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { Hlc } from '../../shared/sync/hlc.js';
import type { WireWrite } from '../../shared/sync/protocol.js';
import { HqError } from '../errors.js';
import { applyPush, HQ_NODE } from '../push.js';
import type { HqStore } from '../store.js';
import { audit, readAudit } from './audit.js';
import type { ConsoleUser } from './accounts.js';
import { settingRows, settingsAt } from './store.js';
import { assertKindsKept } from './honourKinds.js';

/** '/hq/xa/xa-lintong/' → '/hq/xa/'. */
const parentScope = (scope: string) => scope.replace(/[^/]+\/$/, '');

type Db = HqStore['db'];

export async function refView(db: Db, u: ConsoleUser, scopePath: string): Promise<RefView> {
  if (!isUnder(scopePath, u.scopePath) && scopePath !== '/') throw new HqError(403, 'outside_scope', '超出您的管理范围', 'Outside your scope');
  const rows = (await settingRows(db, ['/', scopePath])).filter((r) => !r.deleted);
  const effective = await settingsAt(db, scopePath);
  const history = (await readAudit(db, scopePath === '/' ? u.scopePath : scopePath, { limit: 400 }))
    .filter((a) => a.action.startsWith('refdata.') && (scopePath === '/' ? a.scopePath === '/' : true))
    .map((a) => ({ at: a.at, userName: a.userName, key: a.target ?? '', scopePath: a.scopePath, before: a.before, after: a.after }));
  // The province's own history is everyone's to read: it is what flows down to them.
  if (scopePath !== '/') history.push(...(await readAudit(db, '/', { limit: 200 })).filter((a) => a.scopePath === '/' && a.action.startsWith('refdata.'))
    .map((a) => ({ at: a.at, userName: a.userName, key: a.target ?? '', scopePath: a.scopePath, before: a.before, after: a.after })));
  history.sort((a, b) => b.at.localeCompare(a.at));
  const lastBy = new Map<string, string>();
  for (const h of [...history].reverse()) lastBy.set(`${h.scopePath}\u0000${h.key}`, h.userName);
  const val = (key: string, scope: string) => {
    const r = rows.find((x) => x.key === key && x.scopePath === scope);
    return r ? { scopePath: scope, value: r.value, by: lastBy.get(`${scope}\u0000${key}`) ?? null, at: r.at } : null;
  };
  const entries: RefEntry[] = REF_KEYS.map((k) => ({
    ...k, province: val(k.key, '/'), county: scopePath === '/' ? null : val(k.key, scopePath), effective: effective[k.key] ?? null,
  }));
  return { scopePath, entries, history: history.slice(0, 200) };
}

async function writeSetting(store: HqStore, key: string, value: unknown, scope: string, deleted: boolean): Promise<void> {
  const rows = await settingRows(store.db, [scope]);
  const existing = rows.find((r) => r.key === key);
  if (!existing && deleted) return;
  const now = new Date().toISOString();
  const c: WireWrite['c'] = { key, value_json: JSON.stringify(value), scope_path: scope, updated_at: now, deleted: deleted ? 1 : 0 };
  if (!existing) Object.assign(c, { created_at: now, synthetic: 0 });
  const clock = new Hlc(HQ_NODE);
  const write: WireWrite = { s: 1, t: 'settings', r: existing?.rowId ?? uuidv7(), h: clock.tick(), p: scope, c };
  await applyPush(store, clock, { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/' }, [write], { numbered: false });
}

function mayWrite(u: ConsoleUser, scope: string): void {
  if (!isUnder(scope, u.scopePath)) throw new HqError(403, 'outside_scope', '超出您的管理范围', 'Outside your scope');
}

/** Sets `key` at `scope` after the shared check; refused values write nothing. */
export async function setRef(store: HqStore, u: ConsoleUser, key: string, scope: string, value: unknown, ip: string): Promise<void> {
  mayWrite(u, scope);
  const province = await settingsAt(store.db, '/');
  try {
    assertRefValue(key, value, scope, province['points.bounds']);
  } catch (e) {
    if (e instanceof ApiError) throw new HqError(400, 'validation', e.messageZh, e.messageEn, { issues: e.issues });
    throw e;
  }
  if (key === 'honours.kinds') await assertKindsKept(store, scope, value);
  const before = (await settingRows(store.db, [scope])).find((r) => r.key === key && !r.deleted)?.value ?? null;
  await writeSetting(store, key, value, scope, false);
  await audit(store.db, { userName: u.userName, action: 'refdata.set', scopePath: scope, target: key, before, after: value, ip });
}

/** Removes a county's override: the province value (or the default) applies there again. */
export async function clearRef(store: HqStore, u: ConsoleUser, key: string, scope: string, ip: string): Promise<void> {
  mayWrite(u, scope);
  if (!REF_KEYS.some((k) => k.key === key)) throw new HqError(400, 'validation', `不可在控制台修改的设置项“${key}”`, `"${key}" cannot be edited in the console`);
  const before = (await settingRows(store.db, [scope])).find((r) => r.key === key && !r.deleted)?.value;
  if (before === undefined) return;
  // What applies once the override is gone: the nearest value above it.
  if (key === 'honours.kinds') await assertKindsKept(store, scope, scope === '/' ? undefined : (await settingsAt(store.db, parentScope(scope)))[key]);
  await writeSetting(store, key, before, scope, true);
  await audit(store.db, { userName: u.userName, action: 'refdata.clear', scopePath: scope, target: key, before, after: null, ip });
}

