// 党员状况预警: members the records put at risk of lapse (6 months without org life or dues), lost
// contact (neither, or set by hand with a reason) or due a transfer (away 6 months). Computed.
import { Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { STANDING_FLAGS, type StandingFlag } from '../../../shared/people/memberRules.js';
import type { StandingRow } from '../../../shared/dues/types.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

const PAGE = 20;
const COLOUR: Record<StandingFlag, string> = { lapse_risk: 'red', lost_contact: 'volcano', transfer_due: 'gold' };

export function StandingTab() {
  const { t, lang } = useT();
  const [flag, setFlag] = useState<StandingFlag | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useApi('standing.list', { ...(flag === 'all' ? {} : { flag }), limit: PAGE, offset: (page - 1) * PAGE });
  const counts = list.data?.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={flag} onChange={(v) => { setFlag(v as typeof flag); setPage(1); }}
        options={[{ value: 'all', label: t('st.flag.all') }, ...(Object.keys(STANDING_FLAGS) as StandingFlag[]).map((k) => ({ value: k, label: `${STANDING_FLAGS[k][lang]}${counts ? ` (${counts[k]})` : ''}` }))]}
      />
      <Table<StandingRow>
        rowKey="personId" size="small" loading={list.loading} dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('st.col.name'), dataIndex: 'name', width: 110 },
          { title: t('st.col.branch'), dataIndex: 'branchName', ellipsis: true },
          { title: t('st.col.orgLife'), dataIndex: 'noOrgLifeMonths', width: 130, render: (n: number) => <Tag color={n >= 6 ? 'red' : n >= 3 ? 'gold' : 'green'}>{t('st.months', { n })}</Tag> },
          { title: t('st.col.dues'), dataIndex: 'duesUnpaidRun', width: 130, render: (n: number | null) => (n === null ? <Tag>{t('st.notTracked')}</Tag> : <Tag color={n >= 6 ? 'red' : n ? 'gold' : 'green'}>{t('st.months', { n })}</Tag>) },
          { title: t('st.col.flags'), dataIndex: 'flags', width: 260, render: (fs: StandingFlag[]) => fs.map((f) => <Tag key={f} color={COLOUR[f]}>{STANDING_FLAGS[f][lang]}</Tag>) },
          {
            title: t('st.col.detail'), key: 'detail', ellipsis: true,
            render: (_: unknown, r) => [
              r.flags.includes('lost_contact') ? (r.lostContactComputed ? t('st.computed') : `${t('st.byHand')}${r.lostContactReason ? `：${r.lostContactReason}` : ''}`) : null,
              r.flags.includes('transfer_due') && r.mobilitySince ? `${t('st.since', { date: r.mobilitySince })}${r.mobilityDestination ? ` · ${r.mobilityDestination}` : ''}` : null,
            ].filter(Boolean).join('；'),
          },
        ]}
      />
    </Space>
  );
}
