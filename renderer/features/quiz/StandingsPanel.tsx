// Participation per outlet, grid or branch for a month: rate, average score, levels passed. Names
// appear only when an organiser has switched the individual ranking on (quiz.publicRanking).
import { Card, DatePicker, Segmented, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

export function StandingsPanel() {
  const { t } = useT();
  const [by, setBy] = useState<'outlet' | 'grid' | 'branch'>('outlet');
  const [month, setMonth] = useState(todayInBeijing().slice(0, 7));
  const from = `${month}-01`;
  const to = dayjs(from).endOf('month').format('YYYY-MM-DD');
  const s = useApi('quiz.standings', { by, from, to });
  return (
    <Card
      extra={<Space>
        <DatePicker picker="month" allowClear={false} value={dayjs(from)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
        <Segmented value={by} onChange={(v) => setBy(v as typeof by)} options={(['outlet', 'grid', 'branch'] as const).map((k) => ({ value: k, label: t(`quiz.by.${k}`) }))} />
      </Space>}
    >
      <Table
        size="small" rowKey="key" loading={s.loading} dataSource={s.data?.rows ?? []} pagination={{ pageSize: 12 }}
        columns={[
          { title: t('quiz.col.name'), dataIndex: 'name' },
          { title: t('quiz.col.people'), dataIndex: 'people', align: 'right', width: 90 },
          { title: t('quiz.col.players'), dataIndex: 'players', align: 'right', width: 110 },
          { title: t('quiz.col.participation'), align: 'right', width: 120, render: (_, r) => `${Math.round(r.participation * 100)}%` },
          { title: t('quiz.col.avgScore'), align: 'right', width: 120, render: (_, r) => r.avgScore ?? '—' },
          { title: t('quiz.col.levelsPassed'), dataIndex: 'levelsPassed', align: 'right', width: 110 },
        ]}
      />
      {s.data?.individuals ? (
        <>
          <Typography.Title level={5}>{t('quiz.individuals')}</Typography.Title>
          <Table size="small" rowKey={(r) => `${r.name}${r.outletName}`} dataSource={s.data.individuals} pagination={false}
            columns={[{ title: t('quiz.col.person'), dataIndex: 'name' }, { title: t('quiz.col.outlet'), dataIndex: 'outletName' }, { title: t('quiz.col.levelsPassed'), dataIndex: 'levelsPassed', align: 'right' }, { title: t('quiz.col.earned'), dataIndex: 'earned', align: 'right' }]} />
        </>
      ) : <Typography.Text type="secondary">{t('quiz.noRanking')}</Typography.Text>}
    </Card>
  );
}
