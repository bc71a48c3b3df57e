import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { CHANNEL_TYPES } from '../../../../shared/domain/enums.js';
import { BREACH_KINDS, type Band } from '../../../../shared/people/rules.js';
import type { BreachRow, CoverageOutletRow, RankingRow } from '../../../../shared/people/types.js';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ExportButton } from '../ExportButton';
import type { Drill } from '../PeopleDrawer';
import { useFieldLabel, useRegText } from '../text';

const BAND_TAG: Record<Band, string> = { green: 'green', yellow: 'gold', red: 'red' };
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

interface Common {
  unitId?: string;
  onDrill(d: Drill): void;
}

export function OutletTable({ kind, unitId, onDrill }: Common & { kind: 'uncovered' | 'no_instructor' }) {
  const r = useRegText();
  const F = useFieldLabel();
  const { label } = useT();
  const [page, setPage] = useState(1);
  const data = useApi('coverage.outlets', { unitId, kind, limit: 50, offset: (page - 1) * 50 });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ExportButton size="small" input={{ list: kind, unitId }} />
      <Table<CoverageOutletRow>
        size="small"
        rowKey="id"
        loading={data.loading}
        dataSource={data.data?.rows ?? []}
        locale={{ emptyText: r('cov.empty') }}
        pagination={{ current: page, pageSize: 50, total: data.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { title: r('col.outlet'), dataIndex: 'name', render: (v: string, o) => <a onClick={() => onDrill({ title: v, filter: { outletId: o.id, politicalStatus: ['full_member', 'probationary'] } })}>{v}</a> },
          { title: F('code'), dataIndex: 'code', width: 130 },
          { title: F('channelType'), dataIndex: 'channelType', width: 120, render: (v: string) => label(CHANNEL_TYPES, v) },
          { title: F('countyId'), dataIndex: 'countyName', width: 120 },
          { title: r('col.grid'), dataIndex: 'gridName', width: 120 },
          { title: r('cov.members'), dataIndex: 'members', width: 80 },
          { title: r('cov.fullMembers'), dataIndex: 'fullMembers', width: 80 },
          { title: kind === 'uncovered' ? r('census.instructor') : r('census.coverage'), width: 150, render: (_, o) => (kind === 'uncovered' ? o.instructorName : o.coverageOrgName) ?? '—' },
        ]}
      />
    </Space>
  );
}

export function RankingTable({ level, unitId, onDrill, onUnit }: Common & { level: 'county' | 'grid'; onUnit(id: string): void }) {
  const r = useRegText();
  const data = useApi('coverage.ranking', { unitId, level });
  const band = (b: Band | null, v: number | null) => (b ? <Tag color={BAND_TAG[b]}>{pct(v)}</Tag> : '—');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ExportButton size="small" input={{ list: level === 'county' ? 'ranking_county' : 'ranking_grid', unitId }} />
      <Table<RankingRow>
        size="small"
        rowKey="unitId"
        loading={data.loading}
        dataSource={data.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { title: '#', width: 50, render: (_, __, i) => i + 1 },
          { title: level === 'county' ? '县（区）' : '网格', dataIndex: 'unitName', render: (v: string, u) => (level === 'county' ? <a onClick={() => onUnit(u.unitId)}>{v}</a> : v) },
          { title: r('col.parent'), dataIndex: 'parentName', width: 130 },
          { title: r('cov.outlets'), dataIndex: 'outlets', width: 80 },
          { title: r('cov.members'), dataIndex: 'members', width: 80, render: (v: number, u) => <a onClick={() => onDrill({ title: u.unitName, filter: { unitId: u.unitId, politicalStatus: ['full_member', 'probationary'] } })}>{v}</a> },
          { title: r('cov.coverage'), width: 110, render: (_, u) => band(u.coverageBand, u.coverage) },
          { title: r('cov.contact'), width: 140, render: (_, u) => band(u.contactBand, u.contact) },
          { title: r('cov.uncovered'), dataIndex: 'uncoveredOutlets', width: 130 },
          { title: r('cov.noInstructor'), dataIndex: 'outletsWithoutInstructor', width: 120 },
        ]}
      />
    </Space>
  );
}

export function BreachesTable({ unitId, onDrill }: Common) {
  const r = useRegText();
  const { lang } = useT();
  const data = useApi('coverage.breaches', { unitId });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ExportButton size="small" input={{ list: 'breaches', unitId }} />
      <Table<BreachRow>
        size="small"
        rowKey={(b) => `${b.kind}:${b.targetId}`}
        loading={data.loading}
        dataSource={data.data ?? []}
        locale={{ emptyText: r('cov.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { title: r('cov.kind'), dataIndex: 'kind', width: 200, render: (k: BreachRow['kind']) => <Tag color="red">{BREACH_KINDS[k][lang]}</Tag> },
          { title: r('cov.target'), dataIndex: 'targetName', width: 200 },
          { title: r('col.unit'), dataIndex: 'unitName', width: 130 },
          { title: r('cov.detail'), render: (_, b) => (lang === 'en' ? b.detailEn : b.detail) },
          {
            title: '', width: 90,
            render: (_, b) => (
              <Button size="small" type="link" onClick={() => onDrill({ title: b.targetName, filter: b.targetType === 'outlet' ? { outletId: b.targetId, politicalStatus: ['full_member', 'probationary'] } : { branchId: b.targetId } })}>
                {r('cov.drill')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
