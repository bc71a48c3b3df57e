import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Outlet } from '../../../../shared/org/types.js';
import { CHANNEL_TYPES, type ChannelType } from '../../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { errorText } from '../../../components/formErrors';
import { useT } from '../../../i18n';
import { OutletForm } from './OutletForm';

const PAGE = 50;

export function OutletsPage() {
  const { t, label, options, lang } = useT();
  const [q, setQ] = useState('');
  const [types, setTypes] = useState<ChannelType[]>([]);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [coverage, setCoverage] = useState<'covered' | 'uncovered' | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ outlet?: Outlet } | null>(null);
  const units = useApi('orgUnits.list', {});
  const list = useApi('outlets.list', { q, channelTypes: types, unitId, coverage, limit: PAGE, offset: (page - 1) * PAGE });
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Input.Search allowClear placeholder={`${t('common.search')}：${L('name')} / ${L('code')} / ${L('address')}`} style={{ width: 280 }} onSearch={reset(setQ)} aria-label={t('common.search')} />
          <Select mode="multiple" allowClear maxTagCount={2} placeholder={L('channelType')} style={{ minWidth: 220 }} options={options(CHANNEL_TYPES)} value={types} onChange={reset(setTypes)} aria-label={L('channelType')} />
          <UnitSelect units={units.data ?? []} allowClear placeholder={L('countyId')} style={{ width: 200 }} value={unitId} onChange={reset(setUnitId)} />
          <Select allowClear placeholder={L('coverageOrgId')} style={{ width: 170 }} value={coverage} onChange={reset(setCoverage)}
            options={[{ value: 'covered', label: t('outlets.covered') }, { value: 'uncovered', label: t('outlets.uncovered') }]} />
        </Space>
      }
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>{t('outlets.new')}</Button>}
    >
      {list.error && <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text>}
      <Table<Outlet>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('outlets.empty') }}
        scroll={{ y: 'calc(100vh - 300px)' }}
        onRow={(o) => ({ onDoubleClick: () => setEditing({ outlet: o }) })}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          // Names and organisations share what the fixed columns leave; each shows whole on hover.
          { title: L('code'), dataIndex: 'code', width: 130 },
          { title: L('name'), dataIndex: 'name', ellipsis: { showTitle: false }, render: (v: string, o) => <a title={v} onClick={() => setEditing({ outlet: o })}>{v}</a> },
          { title: L('channelType'), dataIndex: 'channelType', width: 130, render: (v: string) => label(CHANNEL_TYPES, v) },
          { title: L('countyId'), dataIndex: 'countyName', width: 130, ellipsis: true },
          { title: L('gridId'), dataIndex: 'gridName', width: 110, ellipsis: true },
          { title: t('outlets.memberCount'), dataIndex: 'memberCount', width: 80, align: 'right' },
          {
            title: L('coverageOrgId'), dataIndex: 'coverageOrgName', ellipsis: { showTitle: false },
            render: (v: string | null, o) => (v ? <span title={v}>{v}</span> : o.memberCount > 0 ? <Tag color="red">{t('outlets.uncovered')}</Tag> : '—'),
          },
          { title: L('instructorId'), dataIndex: 'instructorName', width: 128, render: (v: string | null, o) => <>{v ?? '—'}{o.isContactPoint && <Tag color="gold" style={{ marginLeft: 4 }}>{L('isContactPoint')}</Tag>}</> },
        ]}
      />
      <OutletForm
        open={!!editing}
        outlet={editing?.outlet}
        units={units.data ?? []}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void list.reload();
        }}
      />
    </Card>
  );
}
