import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../api/client';

/** Searches outlets as the user types (a province has ~25k of them). */
type Props =
  | { multiple?: false; value?: string | null; onChange?: (v: string | undefined) => void; initialLabel?: string | null; id?: string; placeholder?: string; countyId?: string }
  | { multiple: true; value?: string[]; onChange?: (v: string[]) => void; initialLabels?: Record<string, string>; id?: string; placeholder?: string; countyId?: string };

export function OutletSelect(props: Props) {
  const [q, setQ] = useState('');
  const [opts, setOpts] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    const h = setTimeout(async () => {
      const r = await call('outlets.list', { q, unitId: props.countyId, limit: 30, offset: 0 }).catch(() => null);
      if (live && r) setOpts(r.rows.map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` })));
    }, 150);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [q, props.countyId]);
  // Keep the chosen values labelled even when they are not in the current search result.
  const known = new Set(opts.map((o) => o.value));
  const extra: { value: string; label: string }[] = [];
  if (props.multiple) {
    for (const v of props.value ?? []) if (!known.has(v)) extra.push({ value: v, label: props.initialLabels?.[v] ?? v });
  } else if (props.value && props.initialLabel && !known.has(props.value)) extra.push({ value: props.value, label: props.initialLabel });
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={props.value ?? undefined}
      onChange={props.onChange as (v: unknown) => void}
      options={[...extra, ...opts]}
      placeholder={props.placeholder}
    />
  );
}
