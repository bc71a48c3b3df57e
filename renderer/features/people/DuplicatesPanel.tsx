import { App, Button, Card, Empty, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { POLITICAL_STATUS } from '../../../shared/domain/enums.js';
import type { DuplicateCandidate, DuplicateGroup } from '../../../shared/people/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { formatDay } from '../../components/formatDate';
import { useT } from '../../i18n';
import { ExportButton } from './ExportButton';
import { useFieldLabel, useRegText, type RegKey } from './text';

/** Likely duplicates, one card per group: choose the record to keep, merge the other into it. */
export function DuplicatesPanel() {
  const r = useRegText();
  const groups = useApi('duplicates.list', {});
  const session = useApi('session.info', {});
  const list = groups.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{r('dup.count', { n: list.length })}</Typography.Text>
        <ExportButton size="small" input={{ list: 'duplicates' }} />
        {session.data && !session.data.canSeeFullIds && <Typography.Text type="secondary">{r('dup.onlyOrganisers')}</Typography.Text>}
      </Space>
      {!groups.loading && list.length === 0 && <Empty description={r('dup.none')} />}
      {list.map((g) => (
        <GroupCard key={g.key} group={g} canMerge={!!session.data?.canSeeFullIds} onMerged={() => void groups.reload()} />
      ))}
    </Space>
  );
}

function GroupCard({ group, canMerge, onMerged }: { group: DuplicateGroup; canMerge: boolean; onMerged(): void }) {
  const r = useRegText();
  const F = useFieldLabel();
  const { label, lang } = useT();
  const { message } = App.useApp();
  // Keep the record most other rows point at; ties: the most recently updated.
  const best = [...group.people].sort((a, b) => b.references - a.references || b.updatedAt.localeCompare(a.updatedAt))[0]!;
  const [keep, setKeep] = useState(best.id);
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    setBusy(true);
    try {
      let moved = 0;
      for (const p of group.people.filter((x) => x.id !== keep)) {
        const res = await call('duplicates.merge', { survivorId: keep, loserId: p.id, reason: group.reason });
        moved += res.repointed.reduce((n, x) => n + x.rows, 0);
      }
      message.success(r('dup.merged', { n: moved }));
      onMerged();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<Tag color="orange">{r(`dup.reason.${group.reason}` as RegKey)}</Tag>}
      extra={canMerge && (
        <Popconfirm title={r('dup.confirm')} onConfirm={merge} okButtonProps={{ loading: busy }}>
          <Button type="primary" size="small" loading={busy}>{r('dup.merge')}</Button>
        </Popconfirm>
      )}>
      <Table<DuplicateCandidate>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.people}
        columns={[
          { title: r('dup.keep'), width: 60, render: (_, p) => <Radio checked={keep === p.id} onChange={() => setKeep(p.id)} aria-label={`${r('dup.keep')} ${p.name}`} disabled={!canMerge} /> },
          { title: r('name'), dataIndex: 'name', width: 90 },
          { title: F('birthDate'), dataIndex: 'birthDate', width: 110 },
          { title: F('citizenId'), dataIndex: 'citizenId', width: 180 },
          { title: F('phone'), dataIndex: 'phone', width: 120 },
          { title: F('politicalStatus'), dataIndex: 'politicalStatus', width: 110, render: (v: string) => label(POLITICAL_STATUS, v) },
          { title: F('outletId'), dataIndex: 'outletName', ellipsis: true },
          { title: F('branchId'), dataIndex: 'branchName', ellipsis: true },
          { title: r('dup.refs'), dataIndex: 'references', width: 80 },
          { title: r('col.updated'), dataIndex: 'updatedAt', width: 110, render: (v: string) => formatDay(v) },
        ]}
      />
    </Card>
  );
}
