import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonRow } from '../../../shared/contract/types.js';
import { CHANNEL_TYPES, GENDERS, MOBILITY, POLITICAL_STATUS, POSTS, STANDINGS, type ChannelType, type PoliticalStatus } from '../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../shared/fieldLabels.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { PersonForm } from './PersonForm';

const CHUNK = 200;

interface Filter {
  q?: string;
  unitId?: string;
  politicalStatus?: PoliticalStatus[];
  channelTypes?: ChannelType[];
}

/** A virtualised list that fetches the next chunk as the user scrolls. */
function usePeople(filter: Filter) {
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
        const r = await call('people.list', { ...filter, limit: CHUNK, offset });
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

export function PeoplePage() {
  const { t, label, options, lang } = useT();
  const [filter, setFilter] = useState<Filter>({ politicalStatus: ['full_member', 'probationary'] });
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const units = useApi('orgUnits.list', {});
  const people = usePeople(filter);
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const patch = (p: Partial<Filter>) => setFilter((f) => ({ ...f, ...p }));

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Input.Search allowClear placeholder={t('people.searchHint')} style={{ width: 300 }} onSearch={(q) => patch({ q: q || undefined })} aria-label={t('common.search')} />
          <Select mode="multiple" allowClear maxTagCount={2} placeholder={L('politicalStatus')} style={{ minWidth: 220 }} options={options(POLITICAL_STATUS)} value={filter.politicalStatus} onChange={(v) => patch({ politicalStatus: v })} />
          <Select mode="multiple" allowClear maxTagCount={1} placeholder={L('channelType')} style={{ minWidth: 170 }} options={options(CHANNEL_TYPES)} value={filter.channelTypes} onChange={(v) => patch({ channelTypes: v })} />
          <UnitSelect units={units.data ?? []} allowClear placeholder={L('unitId')} style={{ width: 180 }} value={filter.unitId} onChange={(v) => patch({ unitId: v })} />
          <Typography.Text type="secondary">{t('common.total', { n: people.total })}</Typography.Text>
        </Space>
      }
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>{t('people.new')}</Button>}
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
        scroll={{ x: 1100, y: window.innerHeight - 230 }}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < 400) people.more();
        }}
        onRow={(p) => ({ onDoubleClick: () => setEditing({ id: p.id }) })}
        columns={[
          { title: lang === 'zh' ? '姓名' : 'Name', dataIndex: 'name', width: 110, fixed: 'left', render: (v: string, p) => <a onClick={() => setEditing({ id: p.id })}>{v}</a> },
          { title: L('gender'), dataIndex: 'gender', width: 60, render: (v: string) => label(GENDERS, v) },
          { title: L('birthDate'), dataIndex: 'birthDate', width: 110 },
          { title: L('citizenId'), dataIndex: 'citizenId', width: 190 },
          { title: L('phone'), dataIndex: 'phone', width: 130 },
          { title: L('politicalStatus'), dataIndex: 'politicalStatus', width: 120, render: (v: string) => <Tag color={v === 'full_member' ? 'red' : v === 'probationary' ? 'volcano' : undefined}>{label(POLITICAL_STATUS, v)}</Tag> },
          { title: L('outletId'), dataIndex: 'outletName', width: 200, ellipsis: true },
          { title: L('post'), dataIndex: 'post', width: 100, render: (v: string) => label(POSTS, v) },
          { title: L('branchId'), dataIndex: 'branchName', width: 180, ellipsis: true },
          {
            title: L('standing'), dataIndex: 'standing', width: 120,
            render: (v: string | null, p) => (v ? <>{label(STANDINGS, v)}{p.mobility && p.mobility !== 'none' && <Tag style={{ marginLeft: 4 }}>{label(MOBILITY, p.mobility)}</Tag>}</> : '—'),
          },
        ]}
      />
      <PersonForm
        open={!!editing}
        personId={editing?.id}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void people.reload();
        }}
      />
    </Card>
  );
}
