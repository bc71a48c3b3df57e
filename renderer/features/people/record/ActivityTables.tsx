// The organisational life a person took part in, and what they hosted, recorded or lectured: newest
// first, a page at a time (a long-standing member has hundreds of marks).
import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ACTIVITY_TYPES, ATTENDANCE_STATUS } from '../../../../shared/domain/enums.js';
import type { AttendedRow, HostedRow } from '../../../../shared/people/recordTypes.js';
import { formatDay } from '../../../components/formatDate';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';

const PAGE = 10;
const MARK_COLOR = { present: 'green', absent: 'red', excused: 'orange' } as const;

function usePaged() {
  const [page, setPage] = useState(1);
  return { page, setPage, window: { limit: PAGE, offset: (page - 1) * PAGE } };
}

const pagination = (page: number, total: number, setPage: (p: number) => void) =>
  ({ current: page, pageSize: PAGE, total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }) as const;

const ellipsis = (v: string | null) => <span title={v ?? undefined}>{v ?? '—'}</span>;

type Translate = ReturnType<typeof useT>;

/** What both tables show of an activity: when, what, which organisation, its title. */
function activityColumns(t: Translate['t'], label: Translate['label']) {
  return [
    { title: t('person.col.date'), dataIndex: 'heldOn', width: 104, render: (v: string) => formatDay(v) },
    { title: t('person.col.type'), dataIndex: 'type', width: 120, ellipsis: true, render: (v: string) => ellipsis(label(ACTIVITY_TYPES, v)) },
    { title: t('person.col.org'), dataIndex: 'orgName', width: 190, ellipsis: true, render: ellipsis },
    { title: t('person.col.title'), dataIndex: 'title', ellipsis: true, render: ellipsis },
  ];
}

export function AttendedTable({ personId }: { personId: string }) {
  const { t, label } = useT();
  const p = usePaged();
  const data = useApi('people.attended', { personId, ...p.window });
  return (
    <Table<AttendedRow>
      data-testid="record-attended"
      size="small"
      rowKey="activityId"
      loading={data.loading}
      dataSource={data.data?.rows ?? []}
      locale={{ emptyText: t('person.attendedEmpty') }}
      pagination={pagination(p.page, data.data?.total ?? 0, p.setPage)}
      columns={[
        ...activityColumns(t, label),
        {
          title: t('person.col.mark'), dataIndex: 'status', width: 150,
          render: (v: AttendedRow['status'], row) => (
            <>
              <Tag color={MARK_COLOR[v]} style={{ marginInlineEnd: 6 }}>{label(ATTENDANCE_STATUS, v)}</Tag>
              {row.reason && <Typography.Text type="secondary" title={row.reason}>{row.reason}</Typography.Text>}
            </>
          ),
        },
      ]}
    />
  );
}

export function HostedTable({ personId }: { personId: string }) {
  const { t, label } = useT();
  const p = usePaged();
  const data = useApi('people.hosted', { personId, ...p.window });
  return (
    <Table<HostedRow>
      data-testid="record-hosted"
      size="small"
      rowKey="activityId"
      loading={data.loading}
      dataSource={data.data?.rows ?? []}
      locale={{ emptyText: t('person.hostedEmpty') }}
      pagination={pagination(p.page, data.data?.total ?? 0, p.setPage)}
      columns={[
        ...activityColumns(t, label),
        { title: t('person.col.role'), dataIndex: 'roles', width: 150, render: (roles: HostedRow['roles']) => roles.map((k) => <Tag key={k}>{t(`person.role.${k}`)}</Tag>) },
      ]}
    />
  );
}
