// A branch's year: each member's quarterly scores, and the yearly score (the mean of the quarters
// that are over or published) with its grade.
import { Table, Typography } from 'antd';
import type { YearRow } from '../../../shared/points/types.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { GradeTag, NameCell } from './grades';

export function YearView({ orgId, year }: { orgId: string; year: number }) {
  const { t } = useT();
  const data = useApi('points.year', { orgId, year });
  const d = data.data;
  const quarters = [1, 2, 3, 4].map((n) => `${year}-Q${n}`);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('points.year.counted', { qs: d?.counted.join('、') || '—' })}</Typography.Paragraph>
      <Table<YearRow>
        size="small" rowKey="personId" loading={data.loading} dataSource={d?.rows ?? []} pagination={false} locale={{ emptyText: t('points.empty') }}
        columns={[
          { title: t('points.col.name'), key: 'name', render: (_: unknown, r) => <NameCell name={r.name} probationary={r.probationary} /> },
          ...quarters.map((q) => ({ title: q, key: q, width: 100, render: (_: unknown, r: YearRow) => r.quarters[q] ?? '—' })),
          { title: t('points.year.score'), dataIndex: 'score', width: 100, render: (v: number | null) => (v === null ? '—' : <strong>{v}</strong>) },
          { title: t('points.col.grade'), dataIndex: 'grade', width: 90, render: (g: YearRow['grade']) => <GradeTag grade={g} /> },
        ]}
      />
    </>
  );
}
