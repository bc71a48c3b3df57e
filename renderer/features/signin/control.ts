// What the header's account menu asks of the sign-in gate: lock, sign out, or show the first-run
// screen after this device's data was removed. Absent (null) where no sign-in is required (Electron
// with the OS keychain, tests with their own transport).
import { createContext, useContext } from 'react';
import type { DeviceUser } from '../../api/client';

export interface SignInControl {
  signOut(): Promise<void>;
  removed(): void;
  /** Who is signed in (null: nobody in particular, e.g. the keychain's session). */
  user: DeviceUser | null;
  /** Reads the users again after one was added or removed. */
  refresh(): Promise<void>;
}

export const SignInControlContext = createContext<SignInControl | null>(null);

export const useSignInControl = () => useContext(SignInControlContext);
