import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, OpName, Result } from '../../shared/contract/index.js';
import { ApiCallError, call } from '../api/client';

/** Loads an operation's result and reloads when the input changes (compared by value). */
export function useApi<K extends OpName>(name: K, input: Input<K> | null) {
  const [data, setData] = useState<Result<K> | undefined>();
  const [error, setError] = useState<ApiCallError | undefined>();
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const load = useCallback(async () => {
    if (input === null) return;
    const mine = ++seq.current;
    setLoading(true);
    try {
      const r = await call(name, input);
      if (mine === seq.current) {
        setData(r);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiCallError ? e : new ApiCallError({ code: 'internal', message: String(e), messageEn: String(e), issues: [] }));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [name, key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, loading, reload: load };
}
