import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../../shared/contract/index.js';
import { call } from '../../api/client';
import type { PersonRow } from '../../../shared/people/personTypes.js';

export type PeopleFilter = Omit<Input<'people.list'>, 'limit' | 'offset'>;

const CHUNK = 200;

/** A list that fetches the next chunk as the user scrolls; a newer filter wins over a slower older one. */
export function usePeople(filter: PeopleFilter) {
  const [rows, setRows] = useState<PersonRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const gen = useRef(0);
  const key = JSON.stringify(filter);
  const loadFrom = useCallback(
    async (offset: number, g: number) => {
      setLoading(true);
      try {
        const r = await call('people.list', { ...(JSON.parse(key) as PeopleFilter), limit: CHUNK, offset });
        if (g !== gen.current) return;
        setRows((prev) => (offset === 0 ? r.rows : [...prev, ...r.rows]));
        setTotal(r.total);
        setError(undefined);
      } catch (e) {
        if (g === gen.current) setError(e);
      } finally {
        if (g === gen.current) setLoading(false);
      }
    },
    [key],
  );
  const reload = useCallback(() => loadFrom(0, ++gen.current), [loadFrom]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const more = () => {
    if (!loading && rows.length < total) void loadFrom(rows.length, gen.current);
  };
  return { rows, total, loading, error, reload, more };
}
