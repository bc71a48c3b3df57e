// Sign-in rules for a device (issue 15). Kept in settings under `security.signIn`; the device mirrors
// them beside its wrapped key, because they must apply before the store can be read.
import { z } from 'zod';

export const signInPolicySchema = z.object({
  /** Wrong passphrases in a row before each further try must wait. */
  lockoutAfter: z.number().int().min(1).max(100),
  /** The wait, in seconds, between tries once locked out. */
  lockoutSeconds: z.number().int().min(0).max(3600),
  /** Wrong passphrases in a row after which the store key is destroyed (a wipe; re-enrol to restore). */
  wipeAfter: z.number().int().min(2).max(1000),
});

export type SignInPolicyRule = z.infer<typeof signInPolicySchema>;

export const SIGNIN_SETTING_KEY = 'security.signIn';

export const SIGNIN_DEFAULTS: SignInPolicyRule = { lockoutAfter: 5, lockoutSeconds: 30, wipeAfter: 10 };
