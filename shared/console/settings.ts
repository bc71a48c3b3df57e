// Reference data of the HQ console (keys `console.*`, kept in HQ's settings at '/'): sign-in lockout,
// session lifetimes and when a device counts as silent. Defaults are ours (DOMAIN.md has none).
import { z } from 'zod';

const schemas = {
  /** Wrong passwords in a row before the account is locked, and for how long. */
  signIn: z.strictObject({ maxFailures: z.number().int().min(3).max(20), lockMinutes: z.number().int().min(1).max(1440) }),
  /** A session ends after this long without a call, and in any case after maxHours. */
  session: z.strictObject({ idleMinutes: z.number().int().min(5).max(480), maxHours: z.number().int().min(1).max(24) }),
  /** A device that has not called HQ for this many days is flagged on the devices page. */
  silentDays: z.number().int().min(1).max(365),
};

export type ConsoleSettings = { [K in keyof typeof schemas]: z.infer<(typeof schemas)[K]> };

export const CONSOLE_DEFAULTS: ConsoleSettings = {
  signIn: { maxFailures: 5, lockMinutes: 15 },
  session: { idleMinutes: 30, maxHours: 12 },
  silentDays: 7,
};

export const CONSOLE_SETTING_KEYS = Object.keys(schemas).map((k) => `console.${k}`);

/** Whether a value may be stored under a `console.*` key (province-wide only). */
export function consoleSettingValid(key: string, value: unknown): boolean {
  const name = key.slice('console.'.length) as keyof ConsoleSettings;
  return key.startsWith('console.') && name in schemas && schemas[name].safeParse(value).success;
}

/** The settings in force: a value that fails its schema is ignored for that key. */
export function consoleSettings(raw: Record<string, unknown> = {}): ConsoleSettings {
  const out = {} as Record<string, unknown>;
  for (const k of Object.keys(schemas) as (keyof ConsoleSettings)[]) {
    const p = schemas[k].safeParse(raw[`console.${k}`]);
    out[k] = p.success ? p.data : CONSOLE_DEFAULTS[k];
  }
  return out as ConsoleSettings;
}
