// Picks the subject of an honour or a talk: an organisation, an outlet or a member.
import { Select } from 'antd';
import { OutletSelect } from '../../components/OutletSelect';
import { useApi } from '../../components/useApi';
import { PersonPick } from './PersonPick';

export type SubjectKind = 'org' | 'outlet' | 'person';

export function SubjectPick(props: { kind: SubjectKind; id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const orgs = useApi('partyOrgs.list', props.kind === 'org' ? {} : null);
  if (props.kind === 'outlet') return <OutletSelect id={props.id} value={props.value ?? null} onChange={props.onChange} />;
  if (props.kind === 'person') return <PersonPick id={props.id} value={props.value ?? null} onChange={props.onChange} />;
  return <Select id={props.id} showSearch optionFilterProp="label" value={props.value} onChange={props.onChange} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />;
}
