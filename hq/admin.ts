// HQ administration used by the CLI: listing devices and publishing reference data (settings) that
// flows down to every device in scope.
import { uuidv7 } from '../shared/core/ids.js';
import { Hlc } from '../shared/sync/hlc.js';
import type { WireWrite } from '../shared/sync/protocol.js';
import { SCOPE_RE } from '../shared/sync/tables.js';
import { applyPush, HQ_NODE } from './push.js';
import type { Cell } from './rowset.js';
import type { HqStore } from './store.js';

/** Every device; `acked_version` (everything up to it is on the device, null: never pulled) shows who holds back the purge of deleted rows. */
export async function listDevices(store: HqStore) {
  return store.db
    .selectFrom('hq_devices')
    .select([
      'device_id', 'user_name', 'role', 'scope_path', 'name', 'app_version', 'enrolled_at', 'last_seen_at', 'revoked_at', 'last_seq',
      'acked_version', 'last_pull_at', 'first_pull_version',
    ])
    .orderBy('enrolled_at')
    .execute();
}

/** Sets a setting for a scope ('/' = the whole province) as HQ; devices receive it on their next pull. */
export async function putSetting(store: HqStore, key: string, value: unknown, scope = '/'): Promise<string> {
  if (!/^[a-z][A-Za-z0-9_.]{0,63}$/.test(key)) throw new Error(`bad setting key: ${key}`);
  if (!SCOPE_RE.test(scope)) throw new Error(`bad scope: ${scope}`);
  const rows = await store.db.selectFrom('hq_rows').select(['row_id', 'cells']).where('tbl', '=', 'settings').where('scope_path', '=', scope).execute();
  const existing = rows.find((r) => (JSON.parse(r.cells) as Record<string, Cell | undefined>).key?.[0] === key);
  const now = new Date().toISOString();
  const id = existing?.row_id ?? uuidv7();
  const c: WireWrite['c'] = { key, value_json: JSON.stringify(value), scope_path: scope, updated_at: now, deleted: 0 };
  if (!existing) Object.assign(c, { created_at: now, synthetic: 0 });
  const clock = new Hlc(HQ_NODE);
  const write: WireWrite = { s: 1, t: 'settings', r: id, h: clock.tick(), p: scope, c };
  await applyPush(store, clock, { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/' }, [write], { numbered: false });
  return id;
}
