// Shows the app only to a signed-in page in browser mode; Electron (and tests that set a transport)
// pass straight through. A session the server forgets (restart, wipe) brings the screen back; so do
// the idle lock, a sign-out and the removal of this device's data, each saying why.
import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { idleLockMinutes } from '../../../shared/security/settings.js';
import { authStatus, call, onOsLock, onSignedOut, signOut, type AuthStatus } from '../../api/client';
import { useT } from '../../i18n';
import { SignInControlContext, type SignInControl } from './control';
import { IdleLockWarning } from './IdleLock';
import { SignInScreen, type SignInReason } from './SignInScreen';

function IdleLock({ onLock }: { onLock(): void }) {
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    // Unreadable settings still lock, after the default time.
    const fallback = () => live && setMinutes(idleLockMinutes({}));
    call('settings.get', {}).then((s) => live && setMinutes(idleLockMinutes(s)), fallback);
    return () => {
      live = false;
    };
  }, []);
  if (minutes === null) return null;
  // `data-idle-minutes` says the lock is counting, and after how long (tests wait for it before moving the clock).
  return (
    <>
      <span hidden data-testid="idle-lock" data-idle-minutes={minutes} />
      <IdleLockWarning minutes={minutes} onLock={onLock} />
    </>
  );
}

export function SignInGate({ children }: { children: ReactNode }) {
  const { t } = useT();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [reason, setReason] = useState<SignInReason | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    authStatus().then(setStatus, (e: unknown) => {
      setError(String((e as Error).message ?? e));
    });
  useEffect(() => {
    void refresh();
    const stopOs = onOsLock(() => {
      // Electron: main closed the store on OS sleep or screen lock; the window shows 已锁定.
      setReason('locked');
      void refresh();
    });
    const stop = onSignedOut(() => setStatus((s) => (s ? { ...s, signedIn: false } : s)));
    return () => {
      stopOs();
      stop();
    };
  }, []);
  if (!status) return <div style={{ padding: 48, textAlign: 'center' }}>{error ?? <Spin tip={t('signin.checking')} />}</div>;
  if (!status.required) return <>{children}</>;
  const leave = async (why: SignInReason) => {
    // The screen locks even when the server cannot be reached: the session is then gone with it.
    await signOut().catch(() => undefined);
    setReason(why);
    setStatus((s) => (s ? { ...s, signedIn: false } : s));
  };
  if (status.signedIn) {
    const control: SignInControl = {
      signOut: () => leave('signedOut'),
      removed: () => {
        setReason('removed');
        setStatus({ ...status, hasKey: false, signedIn: false, users: [], user: null });
      },
      user: status.user,
      refresh,
    };
    return (
      <SignInControlContext.Provider value={control}>
        {children}
        <IdleLock onLock={() => void leave('locked')} />
      </SignInControlContext.Provider>
    );
  }
  return (
    <SignInScreen
      firstRun={!status.hasKey}
      reason={reason}
      users={status.users}
      onSignedIn={() => {
        setReason(null);
        setStatus({ ...status, hasKey: true, signedIn: true });
        void refresh();
      }}
    />
  );
}
