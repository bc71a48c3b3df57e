// The member's points ledger (党员积分, the points feature's points.ledger) for a year: every entry,
// automatic or by hand, with what it counted after the yearly caps. Grades and ranking stay on the
// points screens; the record shows what the member earned and lost, and why.
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import type { LedgerRow } from '../../../../shared/points/types.js';
import { errorText } from '../../../components/formErrors';
import { formatDay } from '../../../components/formatDate';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';

export function PointsTable({ personId }: { personId: string }) {
  const { t, lang } = useT();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const ledger = useApi('points.ledger', { personId, year });
  const rows = ledger.data?.rows ?? [];
  const total = rows.reduce((n, r) => n + r.counted, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select size="small" style={{ width: 110 }} value={year} onChange={setYear} aria-label={t('person.pointsYear')}
          options={[0, 1, 2].map((n) => ({ value: thisYear - n, label: String(thisYear - n) }))} />
        <Typography.Text type="secondary" data-testid="record-points-total">{t('person.pointsTotal', { n: total, entries: rows.length })}</Typography.Text>
      </Space>
      {ledger.error !== undefined && <Typography.Text type="danger">{errorText(ledger.error, lang)}</Typography.Text>}
      <Table<LedgerRow>
        size="small"
        rowKey="id"
        loading={ledger.loading}
        dataSource={rows}
        locale={{ emptyText: t('person.pointsEmpty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
        columns={[
          { title: t('person.col.quarter'), dataIndex: 'quarter', width: 84 },
          { title: t('person.col.date'), dataIndex: 'occurredOn', width: 104, render: (v: string) => formatDay(v) },
          { title: t('person.col.item'), width: 200, ellipsis: true, render: (_, r) => <span title={lang === 'en' ? r.itemEn : r.itemZh}>{lang === 'en' ? r.itemEn : r.itemZh}</span> },
          { title: t('person.col.points'), dataIndex: 'counted', width: 90, render: (v: number, r) => (v === r.points ? v : <span title={t('person.pointsCapped', { n: r.points })}>{v}（{r.points}）</span>) },
          { title: t('person.col.source'), dataIndex: 'source', width: 80, render: (v: LedgerRow['source']) => <Tag>{t(v === 'auto' ? 'person.sourceAuto' : 'person.sourceManual')}</Tag> },
          { title: t('person.col.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string) => <span title={v}>{v}</span> },
        ]}
      />
    </Space>
  );
}
