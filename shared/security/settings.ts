// Sign-in rules for a device (issue 15). Kept in settings under `security.signIn`; the device mirrors
// them beside its wrapped key, because they must apply before the store can be read.
import { z } from 'zod';
import { ApiError } from '../core/errors.js';

export const signInPolicySchema = z.object({
  /** Wrong passphrases in a row before each further try must wait. */
  lockoutAfter: z.number().int().min(1).max(100),
  /** The wait, in seconds, between tries once locked out. */
  lockoutSeconds: z.number().int().min(0).max(3600),
  /** Wrong passphrases in a row after which the store key is destroyed (a wipe; re-enrol to restore). */
  wipeAfter: z.number().int().min(2).max(1000),
  /** The fewest digits a device user's PIN may have (a PIN of 6 is the floor: fewer fall to guessing). */
  minPinDigits: z.number().int().min(6).max(32).optional(),
});

export type SignInPolicyRule = z.infer<typeof signInPolicySchema>;

export const SIGNIN_SETTING_KEY = 'security.signIn';

export const SIGNIN_DEFAULTS: SignInPolicyRule = { lockoutAfter: 5, lockoutSeconds: 30, wipeAfter: 10 };

export const MIN_PIN_DIGITS_DEFAULT = 6;

/** Minutes without input after which the app locks (warned one minute ahead). Snake case: settings.set's key pattern has no capitals. */
export const IDLE_LOCK_SETTING_KEY = 'security.idle_lock_minutes';

export const idleLockMinutesSchema = z.number().int().min(2).max(240);

export const IDLE_LOCK_DEFAULT_MINUTES = 15;

/** The idle time from settings (`settings.get`), the default when unset or out of bounds. */
export function idleLockMinutes(settings: Record<string, unknown>): number {
  const parsed = idleLockMinutesSchema.safeParse(settings[IDLE_LOCK_SETTING_KEY]);
  return parsed.success ? parsed.data : IDLE_LOCK_DEFAULT_MINUTES;
}

/** How long before the lock the warning shows. */
export const IDLE_WARNING_SECONDS = 60;

/** settings.set's check for `security.*` values: out of bounds is refused in both languages. */
export function assertSecuritySetting(key: string, value: unknown): void {
  if (key !== IDLE_LOCK_SETTING_KEY || idleLockMinutesSchema.safeParse(value).success) return;
  const { minValue: min, maxValue: max } = idleLockMinutesSchema;
  const zh = `自动锁定时间须为 ${min}–${max} 之间的整数分钟`;
  const en = `The idle lock time must be a whole number of minutes from ${min} to ${max}`;
  throw new ApiError('validation', zh, en, [{ path: 'value', message: zh, messageEn: en }]);
}
