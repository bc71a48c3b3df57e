// The activity log: every recorded activity in scope, filtered by type, organisation and dates.
import { Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ActivityRow } from '../../../../shared/orglife/contract.js';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ActivityForm } from './ActivityForm';
import { ACTIVITY_STATUS } from './labels';

const PAGE = 50;

export function ActivityList() {
  const { t, label, options, lang } = useT();
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const [q, setQ] = useState('');
  const [types, setTypes] = useState<ActivityType[]>([]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const orgs = useApi('partyOrgs.list', {});
  const list = useApi('activities.list', {
    q, types, orgId, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), limit: PAGE, offset: (page - 1) * PAGE,
  });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Input.Search allowClear placeholder={t('act.searchHint')} style={{ width: 220 }} onSearch={reset(setQ)} aria-label={t('common.search')} />
          <Select mode="multiple" allowClear maxTagCount={2} placeholder={L('type')} style={{ minWidth: 200 }} options={options(ACTIVITY_TYPES)} value={types} onChange={reset(setTypes)} aria-label={L('type')} />
          <Select allowClear showSearch optionFilterProp="label" placeholder={L('orgId')} style={{ width: 200 }} value={orgId} onChange={reset(setOrgId)}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} aria-label={L('orgId')} />
          <DatePicker.RangePicker value={range} onChange={reset(setRange)} />
        </Space>
      }
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>{t('act.new')}</Button>}
    >
      {list.error && <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text>}
      <Table<ActivityRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('act.empty') }}
        scroll={{ y: 'calc(100vh - 330px)' }}
        onRow={(a) => ({ onDoubleClick: () => setEditing({ id: a.id }) })}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: L('heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: L('type'), dataIndex: 'type', width: 130, render: (v: string, a) => <>{label(ACTIVITY_TYPES, v)}{a.status === 'planned' && <Tag style={{ marginLeft: 4 }}>{label(ACTIVITY_STATUS, 'planned')}</Tag>}</> },
          { title: L('title'), dataIndex: 'title', ellipsis: { showTitle: false }, render: (v: string, a) => <a title={v} onClick={() => setEditing({ id: a.id })}>{v}</a> },
          { title: L('orgId'), dataIndex: 'orgName', width: 180, ellipsis: true, render: (v: string | null, a) => v ?? a.instructorName ?? '—' },
          { title: t('act.attendanceCol'), width: lang === 'en' ? 148 : 110, render: (_: unknown, a) => (a.expected ? `${a.present}/${a.expected}` : '—') },
          { title: <PaperClipOutlined />, dataIndex: 'attachmentCount', width: 50, align: 'right', render: (n: number) => n || '' },
          { title: t('act.recordedBy'), dataIndex: 'recordedBy', width: 110, ellipsis: true },
        ]}
      />
      <ActivityForm open={!!editing} activityId={editing?.id} onClose={(saved) => {
        setEditing(null);
        if (saved) void list.reload();
      }} />
    </Card>
  );
}
