// Visit records (驻点指导): outlet, date, what was done, problems found, follow-up.
import { Button, Card, Select, Space, Table } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ActivityRow } from '../../../../shared/orglife/contract.js';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ActivityForm } from '../activities/ActivityForm';
import { VisitForm } from './VisitForm';

export function VisitsPanel() {
  const { t } = useT();
  const [instructorId, setInstructorId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const instructors = useApi('instructors.list', {});
  const list = useApi('activities.list', { types: ['instructor_visit'], instructorId, limit: 50, offset: (page - 1) * 50 });
  return (
    <Card
      size="small"
      title={<Select allowClear showSearch optionFilterProp="label" placeholder={t('ins.allInstructors')} style={{ width: 220 }} value={instructorId}
        onChange={(v) => (setInstructorId(v), setPage(1))} options={(instructors.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('ins.newVisit')}</Button>}
    >
      <Table<ActivityRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('ins.noVisits') }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { title: t('ins.date'), dataIndex: 'heldOn', width: 110 },
          { title: t('ins.contactPoint'), render: (_: unknown, a) => <a onClick={() => setEditing(a.id)}>{a.outletNames.join('、') || a.title}</a> },
          { title: t('ins.name'), dataIndex: 'instructorName', width: 120 },
          { title: t('ins.org'), dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: <PaperClipOutlined />, dataIndex: 'attachmentCount', width: 50, render: (n: number) => n || '' },
          { title: t('act.recordedBy'), dataIndex: 'recordedBy', width: 120 },
        ]}
      />
      <Space />
      <VisitForm open={creating} onClose={(saved) => (setCreating(false), saved && void list.reload())} />
      <ActivityForm open={!!editing} activityId={editing ?? undefined} onClose={(saved) => (setEditing(null), saved && void list.reload())} />
    </Card>
  );
}
