// What the 同步 screen shows about relay by file.
import type Database from 'better-sqlite3';
import type { RelayStatus } from '../../../shared/sync/contract.js';
import { getMetaRaw } from '../state.js';
import { RELAY_META } from './keys.js';

export function relayStatus(raw: Database.Database): RelayStatus {
  const last = getMetaRaw(raw, RELAY_META.lastExport);
  const imported = raw.prepare(`SELECT max(imported_at) AS at FROM sync_relay_imports`).get() as { at: string | null };
  return {
    ready: !!getMetaRaw(raw, RELAY_META.own) && !!getMetaRaw(raw, RELAY_META.hq),
    lastExport: last ? (JSON.parse(last) as RelayStatus['lastExport']) : null,
    lastImportAt: imported.at,
  };
}
