// Shows the app only to a signed-in page in browser mode; Electron (and tests that set a transport)
// pass straight through. A session the server forgets (restart, wipe) brings the screen back.
import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { authStatus, onSignedOut, type AuthStatus } from '../../api/client';
import { useT } from '../../i18n';
import { SignInScreen } from './SignInScreen';

export function SignInGate({ children }: { children: ReactNode }) {
  const { t } = useT();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    authStatus().then(setStatus, (e: unknown) => {
      setError(String((e as Error).message ?? e));
    });
  useEffect(() => {
    void refresh();
    return onSignedOut(() => setStatus((s) => (s ? { ...s, signedIn: false } : s)));
  }, []);
  if (!status) return <div style={{ padding: 48, textAlign: 'center' }}>{error ?? <Spin tip={t('signin.checking')} />}</div>;
  if (!status.required || status.signedIn) return <>{children}</>;
  return <SignInScreen firstRun={!status.hasKey} onSignedIn={() => setStatus({ ...status, hasKey: true, signedIn: true })} />;
}
