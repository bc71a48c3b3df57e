// Mixed app versions: HQ syncs with every device schema from `sync.minSchema` on (reference data,
// shared/sync/settings.ts). A device below it is refused at hello — before it pushes anything — so
// its waiting changes stay on it, and it can keep working offline until it is updated.
import { HqError } from './errors.js';
import { hqSyncSettings } from './settings.js';
import type { HqStore } from './store.js';

/** Migration names are dated (`2026_12_05_quiz`) and run in name order, so names compare as versions. */
export function isTooOld(schemaVersion: string, minSchema: string): boolean {
  return !!minSchema && schemaVersion < minSchema;
}

export async function refuseTooOld(db: HqStore['db'], scope: string, schemaVersion: string, settingsVersion?: number): Promise<void> {
  const { minSchema } = await hqSyncSettings(db, scope, settingsVersion);
  if (!isTooOld(schemaVersion, minSchema)) return;
  throw new HqError(
    426,
    'too_old',
    `本机应用版本过旧（数据版本 ${schemaVersion}），总部已不再接受，请更新红色渠道后再同步（需要 ${minSchema} 或更新）。未同步的修改仍保存在本机，可继续离线使用。`,
    `This app is too old to sync (schema ${schemaVersion}; HQ needs ${minSchema} or newer): please update Red Channel. Changes waiting to sync stay on this device, and it keeps working offline.`,
  );
}
