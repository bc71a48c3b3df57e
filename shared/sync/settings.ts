// The numbers sync's safety rules use (reference data, keys `sync.*`), with their defaults. HQ
// reads them for the device's scope (hq/settings.ts); the device reads `sync.requireTls` from its
// own copy of the settings. A value that does not pass its schema is ignored for that key.
import { z } from 'zod';

const schemas = {
  /** How far ahead of HQ's clock a device's stamp may be before HQ re-stamps the write with its own time. */
  clockToleranceSeconds: z.number().min(0).max(300),
  /** Refuse to sync with an HQ reached over plain http:// (not on this machine) instead of only warning. */
  requireTls: z.boolean(),
  /** Per device and Beijing day: changed rows HQ takes, and bytes of pushed writes and attachment files. */
  quota: z.object({ rowsPerDay: z.number().int().min(1), bytesPerDay: z.number().int().min(1) }),
  /** Unfinished attachment uploads older than this are deleted (the device sends that file again). */
  staleUploadHours: z.number().min(1).max(24 * 90),
  /**
   * The oldest device schema (its latest migration's name) HQ still syncs with; '' for none. Raised
   * only for a breaking change: an older device is told to update and keeps working offline.
   */
  minSchema: z.string().max(80),
};

export type SyncSettings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };

export const SYNC_DEFAULTS: SyncSettings = {
  clockToleranceSeconds: 5,
  requireTls: false,
  // A county organiser entering a whole census in one day writes tens of thousands of rows; a
  // province administrator's first upload is the one case above this, and HQ can raise it for '/'.
  quota: { rowsPerDay: 200_000, bytesPerDay: 2 * 1024 * 1024 * 1024 },
  staleUploadHours: 48,
  minSchema: '',
};

export const SYNC_SETTING_KEYS = Object.keys(schemas).map((k) => `sync.${k}`);

/** The effective sync settings from the raw settings map (key → parsed value_json). */
export function syncSettings(raw: Record<string, unknown> = {}): SyncSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(schemas) as (keyof SyncSettings)[]) {
    const v = raw[`sync.${key}`];
    const base = SYNC_DEFAULTS[key];
    const merged = typeof base === 'object' && v && typeof v === 'object' && !Array.isArray(v) ? { ...base, ...v } : (v ?? base);
    const parsed = schemas[key].safeParse(merged);
    out[key] = parsed.success ? parsed.data : base;
  }
  return out as SyncSettings;
}
