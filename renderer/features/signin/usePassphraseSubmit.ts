// Signing in and removing the device's data both send a passphrase: busy while it runs, the error in
// the user's language, and the passphrase cleared after a refusal so it is typed again.
import { useState } from 'react';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';

export function usePassphraseSubmit<V>(send: (v: V) => Promise<unknown>, done: () => void, clearPassphrase: () => void) {
  const { lang } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      await send(v);
      done();
    } catch (e) {
      setError(errorText(e, lang));
      clearPassphrase();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
