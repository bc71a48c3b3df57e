import { Select, Space, Table, Tag, Typography } from 'antd';
import { ROSTER_FIELDS } from '../../../../shared/people/headers.js';
import type { ValueChoice, ValueTarget } from '../../../../shared/people/schemas/import.js';
import type { ImportPreview, ImportValue } from '../../../../shared/people/types.js';
import { useT } from '../../../i18n';

const encode = (to: ValueTarget | null): string | undefined =>
  !to ? undefined : to.kind === 'existing' ? `x:${to.target}` : to.kind;

/**
 * Each value of the file that names no record, chosen once: an existing record or code, a branch
 * to create (under an org unit), or blank where the field is optional. A change previews again at
 * once, so what the table below shows is always what the import would do.
 */
export function ValueMapping(props: {
  values: ImportValue[];
  units: ImportPreview['units'];
  busy: boolean;
  onChoose(field: ValueChoice['field'], value: string, to: ValueTarget | null): void;
}) {
  const { t, lang } = useT();
  const choose = (v: ImportValue, key: string | undefined) => {
    if (!key) return props.onChoose(v.field, v.value, null);
    if (key === 'blank') return props.onChoose(v.field, v.value, { kind: 'blank' });
    if (key === 'create') return props.onChoose(v.field, v.value, { kind: 'create', unitId: v.suggestedUnitId ?? props.units[0]!.id });
    props.onChoose(v.field, v.value, { kind: 'existing', target: key.slice(2) });
  };
  const status = (v: ImportValue) => {
    if (v.source === 'remembered') return <Tag color="blue">{t('import.valueRemembered')}</Tag>;
    if (v.choice) return <Tag color="green">{t('import.valueChosen')}</Tag>;
    return <Tag color={v.canBlank ? 'orange' : 'red'}>{t('import.valueOpen')}</Tag>;
  };
  const anyCreate = props.values.some((v) => v.choice?.kind === 'create');
  return (
    <div data-testid="value-mapping">
      <Typography.Text strong>{t('import.values')}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{t('import.valuesHint')}</Typography.Text>
      <Table<ImportValue>
        size="small"
        style={{ marginTop: 6 }}
        rowKey={(v) => `${v.field}|${v.value}`}
        pagination={false}
        scroll={{ y: 230 }}
        dataSource={props.values}
        columns={[
          { title: t('import.valueColumn'), width: 110, render: (_, v) => ROSTER_FIELDS[v.field][lang] },
          {
            title: t('import.valueInFile'),
            width: 220,
            render: (_, v) => (
              <Space size={4}>
                <Typography.Text strong>{v.value}</Typography.Text>
                <Tag>{t(v.reason === 'ambiguous' ? 'import.valueAmbiguous' : 'import.valueUnknown')}</Tag>
              </Space>
            ),
          },
          { title: t('import.valueRows'), dataIndex: 'rows', width: 60 },
          {
            title: t('import.valueTo'),
            render: (_, v) => (
              <Space size={4} wrap>
                <Select
                  size="small"
                  style={{ width: 280 }}
                  showSearch
                  optionFilterProp="label"
                  allowClear
                  disabled={props.busy}
                  placeholder={t('import.valuePick')}
                  aria-label={`${v.value}→`}
                  value={encode(v.choice)}
                  onChange={(key?: string) => choose(v, key)}
                  options={[
                    ...(v.canCreate ? [{ value: 'create', label: t('import.valueCreate', { name: v.value }) }] : []),
                    ...(v.canBlank ? [{ value: 'blank', label: t('import.valueBlank') }] : []),
                    ...v.options.map((o) => ({ value: `x:${o.id}`, label: lang === 'en' ? `${o.labelEn}${o.hint ? ` (${o.hint})` : ''}` : `${o.label}${o.hint ? `（${o.hint}）` : ''}` })),
                  ]}
                />
                {v.choice?.kind === 'create' && <Typography.Text type="secondary">{t('import.valueUnit')}</Typography.Text>}
                {v.choice?.kind === 'create' && (
                  <Select
                    size="small"
                    style={{ width: 150 }}
                    disabled={props.busy}
                    aria-label={`${v.value}：${t('import.valueUnit')}`}
                    value={v.choice.unitId}
                    onChange={(unitId: string) => props.onChoose(v.field, v.value, { kind: 'create', unitId })}
                    options={props.units.map((u) => ({ value: u.id, label: u.name }))}
                  />
                )}
              </Space>
            ),
          },
          { title: '', width: 90, render: (_, v) => status(v) },
        ]}
      />
      {anyCreate && <Typography.Text type="secondary">{t('import.valueCreateHint')}</Typography.Text>}
    </div>
  );
}
