import { PlusOutlined, QuestionCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { CHANNEL_TYPES, GENDERS, MOBILITY, POLITICAL_STATUS, POSTS, STANDINGS } from '../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { errorText } from '../../components/formErrors';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { ExportButton } from './ExportButton';
import { ImportDrawer } from './import/ImportDrawer';
import { PersonRecord } from './record/PersonRecord';
import { useRegText } from './text';
import { usePeople, type PeopleFilter } from './usePeople';
import type { PersonRow } from '../../../shared/people/personTypes.js';

/** The roster: search (name, pinyin, initials, phone, id, outlet, branch) with filters, import and export. */
export function RosterTab() {
  const { t, label, options, lang } = useT();
  const r = useRegText();
  const [filter, setFilter] = useState<PeopleFilter>({ politicalStatus: ['full_member', 'probationary'] });
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const units = useApi('orgUnits.list', {});
  const people = usePeople(filter);
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const patch = (p: Partial<PeopleFilter>) => setFilter((f) => ({ ...f, ...p }));

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Input.Search allowClear placeholder={t('people.searchHint')} style={{ width: 300 }} onSearch={(q) => patch({ q: q || undefined })} aria-label={t('common.search')} />
          <Tooltip title={r('search.help')}><QuestionCircleOutlined aria-label={r('search.help')} style={{ color: '#8c8c8c' }} /></Tooltip>
          <Select mode="multiple" allowClear maxTagCount={1} placeholder={L('politicalStatus')} style={{ minWidth: 190 }} options={options(POLITICAL_STATUS)} value={filter.politicalStatus} onChange={(v) => patch({ politicalStatus: v })} />
          <Select mode="multiple" allowClear maxTagCount={1} placeholder={L('channelType')} style={{ minWidth: 150 }} options={options(CHANNEL_TYPES)} value={filter.channelTypes} onChange={(v) => patch({ channelTypes: v })} />
          <UnitSelect units={units.data ?? []} allowClear placeholder={L('unitId')} style={{ width: 160 }} value={filter.unitId} onChange={(v) => patch({ unitId: v })} />
          <Select mode="multiple" allowClear maxTagCount={1} placeholder={r('filters.standing')} style={{ minWidth: 120 }} options={options(STANDINGS)} value={filter.standing} onChange={(v) => patch({ standing: v })} />
          <Select mode="multiple" allowClear maxTagCount={1} placeholder={r('filters.mobility')} style={{ minWidth: 120 }} options={options(MOBILITY)} value={filter.mobility} onChange={(v) => patch({ mobility: v })} />
          <Typography.Text type="secondary">{t('common.total', { n: people.total })}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <ExportButton input={{ list: 'roster', filter }} />
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{r('import')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>{t('people.new')}</Button>
        </Space>
      }
    >
      {people.error !== undefined && <Typography.Text type="danger">{errorText(people.error, lang)}</Typography.Text>}
      <Table<PersonRow>
        virtual
        size="small"
        rowKey="id"
        loading={people.loading && people.rows.length === 0}
        dataSource={people.rows}
        pagination={false}
        locale={{ emptyText: t('people.empty') }}
        scroll={{ x: 1090, y: window.innerHeight - 290 }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < 400) people.more();
        }}
        onRow={(p) => ({ onDoubleClick: () => setEditing({ id: p.id }) })}
        columns={[
          // Widths add up to what a 1366-px screen leaves the table (1090 px): every key column shows
          // without scrolling sideways; long names are cut with an ellipsis and shown whole on hover.
          { title: r('name'), dataIndex: 'name', width: 90, fixed: 'left', ellipsis: true, render: (v: string, p) => <a title={v} onClick={() => setEditing({ id: p.id })}>{v}</a> },
          { title: L('gender'), dataIndex: 'gender', width: 64, render: (v: string) => label(GENDERS, v) },
          { title: L('birthDate'), dataIndex: 'birthDate', width: 96 },
          { title: L('citizenId'), dataIndex: 'citizenId', width: 156 },
          { title: L('phone'), dataIndex: 'phone', width: 104 },
          { title: L('politicalStatus'), dataIndex: 'politicalStatus', width: 100, render: (v: string) => <Tag color={v === 'full_member' ? 'red' : v === 'probationary' ? 'volcano' : undefined}>{label(POLITICAL_STATUS, v)}</Tag> },
          { title: L('outletId'), dataIndex: 'outletName', width: 150, ellipsis: true, render: (v: string | null) => <span title={v ?? undefined}>{v}</span> },
          { title: L('post'), dataIndex: 'post', width: 80, ellipsis: { showTitle: false }, render: (v: string) => <span title={label(POSTS, v)}>{label(POSTS, v)}</span> },
          { title: L('branchId'), dataIndex: 'branchName', width: 150, ellipsis: true, render: (v: string | null) => <span title={v ?? undefined}>{v}</span> },
          {
            title: L('standing'), dataIndex: 'standing', width: 100,
            render: (v: string | null, p) => (v ? <>{label(STANDINGS, v)}{p.mobility && p.mobility !== 'none' && <Tag style={{ marginLeft: 4 }}>{label(MOBILITY, p.mobility)}</Tag>}</> : '—'),
          },
        ]}
      />
      <PersonRecord
        open={!!editing}
        personId={editing?.id}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void people.reload();
        }}
      />
      <ImportDrawer
        open={importing}
        onClose={(imported) => {
          setImporting(false);
          if (imported) void people.reload();
        }}
      />
    </Card>
  );
}
