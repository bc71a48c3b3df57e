// Loads what a console page shows and reloads it on demand; a refusal is kept as HQ worded it.
import { useCallback, useEffect, useState } from 'react';
import { ConsoleError } from './api';
import type { Lang } from '../i18n';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: ConsoleError | null; loading: boolean; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [loading, setLoading] = useState(true);
  const [n, setN] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run().then(
      (d) => live && (setData(d), setError(null), setLoading(false)),
      (e: unknown) => live && (setError(e instanceof ConsoleError ? e : new ConsoleError(0, 'network', '无法连接总部', 'Cannot reach HQ')), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [run, n]);
  return { data, error, loading, reload: () => setN((x) => x + 1) };
}

export const errorText = (e: unknown, lang: Lang): string =>
  e instanceof ConsoleError ? (lang === 'en' ? e.en : e.zh) : lang === 'en' ? 'Something went wrong' : '操作失败';
