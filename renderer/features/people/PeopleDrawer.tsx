import { Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { POLITICAL_STATUS, POSTS } from '../../../shared/domain/enums.js';
import { useT } from '../../i18n';
import { ExportButton } from './ExportButton';
import { PersonRecord } from './record/PersonRecord';
import { useFieldLabel, useRegText } from './text';
import { usePeople, type PeopleFilter } from './usePeople';
import type { PersonRow } from '../../../shared/people/personTypes.js';

export interface Drill {
  title: string;
  filter: PeopleFilter;
}

/** The records behind a number on a coverage or breach list, exportable like the roster. */
export function PeopleDrawer(props: { drill: Drill | null; onClose(): void }) {
  return props.drill ? <Inner drill={props.drill} onClose={props.onClose} /> : null;
}

function Inner({ drill, onClose }: { drill: Drill; onClose(): void }) {
  const r = useRegText();
  const F = useFieldLabel();
  const { t, label } = useT();
  const people = usePeople(drill.filter);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Drawer open size={900} title={`${drill.title} · ${r('people.title')}`} onClose={onClose} extra={<ExportButton input={{ list: 'roster', filter: drill.filter }} />}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('common.total', { n: people.total })}</Typography.Text>
        <Table<PersonRow>
          size="small"
          rowKey="id"
          loading={people.loading}
          dataSource={people.rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
          columns={[
            { title: r('name'), dataIndex: 'name', render: (v: string, p) => <a onClick={() => setOpen(p.id)}>{v}</a> },
            { title: F('citizenId'), dataIndex: 'citizenId', width: 180 },
            { title: F('politicalStatus'), dataIndex: 'politicalStatus', width: 120, render: (v: string) => <Tag>{label(POLITICAL_STATUS, v)}</Tag> },
            { title: F('post'), dataIndex: 'post', width: 90, render: (v: string) => label(POSTS, v) },
            { title: F('outletId'), dataIndex: 'outletName', ellipsis: true },
            { title: F('branchId'), dataIndex: 'branchName', ellipsis: true },
          ]}
        />
      </Space>
      <PersonRecord open={!!open} personId={open ?? undefined} onClose={(saved) => { setOpen(null); if (saved) void people.reload(); }} />
    </Drawer>
  );
}
