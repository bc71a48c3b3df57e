// Picks Party members of one organisation (or searches all in scope when none is chosen).
import { Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

type Props = { orgId?: string; id?: string; placeholder?: string; 'aria-label'?: string } & (
  | { multiple: true; value?: string[]; onChange?: (v: string[]) => void }
  | { multiple?: false; value?: string | null; onChange?: (v: string | undefined) => void }
);

export function PersonPick(props: Props) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const list = useApi('people.list', {
    ...(props.orgId ? { branchId: props.orgId } : {}), ...(q.trim() ? { q: q.trim() } : {}), politicalStatus: ['full_member', 'probationary'], limit: 100, offset: 0,
  });
  return (
    <Select id={props.id} aria-label={props['aria-label']} mode={props.multiple ? 'multiple' : undefined} showSearch allowClear filterOption={false} onSearch={setQ}
      value={props.value ?? undefined} onChange={props.onChange as (v: unknown) => void} placeholder={props.placeholder ?? t('w3.searchPerson')}
      options={(list.data?.rows ?? []).map((p) => ({ value: p.id, label: p.name }))} />
  );
}
