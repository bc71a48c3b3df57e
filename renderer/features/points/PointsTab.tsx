// 党员积分: a branch's quarter (table, ranking, publication and approval), its year, and the rules.
import { Card, Empty, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { quarterOf } from '../../../shared/points/tally.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { QuarterView } from './QuarterView';
import { RulesView } from './RulesView';
import { YearView } from './YearView';

/** The quarters offered: this year's and last year's, up to the current one, latest first. */
function quarterOptions(today: string): string[] {
  const y = +today.slice(0, 4);
  const out: string[] = [];
  for (const yy of [y, y - 1]) for (const n of [4, 3, 2, 1]) if (`${yy}-Q${n}` <= quarterOf(today)) out.push(`${yy}-Q${n}`);
  return out;
}

/** The last quarter that is over: the one normally being published. */
function lastEnded(today: string): string {
  const all = quarterOptions(today);
  return all[1] ?? all[0]!;
}

export function PointsTab() {
  const { t } = useT();
  const today = todayInBeijing();
  const branches = useApi('points.branches', {});
  const [orgId, setOrgId] = useState<string | undefined>();
  const [quarter, setQuarter] = useState(lastEnded(today));
  const [view, setView] = useState<'quarter' | 'year' | 'rules'>('quarter');
  useEffect(() => {
    if (!orgId && branches.data?.length) setOrgId(branches.data[0]!.id);
  }, [branches.data, orgId]);

  return (
    <Card
      title={t('points.title')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('points.branch')} placeholder={t('points.branchPick')} style={{ width: 280 }} showSearch optionFilterProp="label"
            value={orgId} onChange={setOrgId} loading={branches.loading}
            options={(branches.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.unitName}）` }))}
          />
          {view === 'quarter' && (
            <Select aria-label={t('points.quarter')} style={{ width: 120 }} value={quarter} onChange={setQuarter} options={quarterOptions(today).map((q) => ({ value: q, label: q }))} />
          )}
          <Segmented
            value={view} onChange={(v) => setView(v as typeof view)}
            options={[{ value: 'quarter', label: t('points.view.quarter') }, { value: 'year', label: t('points.view.year') }, { value: 'rules', label: t('points.view.rules') }]}
          />
        </Space>
      }
    >
      {view === 'rules' ? (
        <RulesView />
      ) : !orgId ? (
        <Empty description={branches.loading ? null : t('points.noBranch')} />
      ) : view === 'quarter' ? (
        <QuarterView orgId={orgId} quarter={quarter} />
      ) : (
        <YearView orgId={orgId} year={+quarter.slice(0, 4)} />
      )}
    </Card>
  );
}
