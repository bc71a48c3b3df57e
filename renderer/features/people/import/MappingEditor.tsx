import { Button, Select, Space, Tag, Typography } from 'antd';
import { ROSTER_FIELD_KEYS, ROSTER_FIELDS, type RosterField } from '../../../../shared/people/headers.js';
import type { ImportPreview } from '../../../../shared/people/types.js';
import { useLang } from '../../../i18n';
import { useRegText } from '../text';

/** The detected column → field mapping, each column adjustable, then previewed again. */
export function MappingEditor(props: {
  columns: ImportPreview['columns'];
  value: (RosterField | null)[];
  onChange(v: (RosterField | null)[]): void;
  onApply(): void;
  busy: boolean;
}) {
  const r = useRegText();
  const lang = useLang((s) => s.lang);
  const changed = props.columns.some((c, i) => (props.value[i] ?? null) !== c.field);
  const options = [{ value: '', label: r('import.ignored') }, ...ROSTER_FIELD_KEYS.map((f) => ({ value: f, label: ROSTER_FIELDS[f][lang] }))];
  return (
    <div>
      <Typography.Text strong>{r('import.mapping')}</Typography.Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}>
        {props.columns.map((c, i) => (
          <Space.Compact key={c.index} size="small">
            <Tag style={{ marginInlineEnd: 0, lineHeight: '22px' }} color={props.value[i] ? 'red' : undefined}>{c.header || `#${c.index + 1}`}</Tag>
            <Select
              size="small"
              style={{ width: 120 }}
              value={props.value[i] ?? ''}
              options={options}
              aria-label={`${c.header}→`}
              onChange={(v: string) => props.onChange(props.columns.map((_, j) => (j === i ? ((v || null) as RosterField | null) : (props.value[j] ?? null))))}
            />
          </Space.Compact>
        ))}
      </div>
      {changed && (
        <Button size="small" type="link" loading={props.busy} onClick={props.onApply} style={{ paddingLeft: 0 }}>{r('import.remap')}</Button>
      )}
    </div>
  );
}
