// 待办: what is due or overdue in the user's scope; each item opens the form that settles it.
// Filtered by unit, kind, urgency and 只看我的 (on by default for an instructor), grouped by kind
// and organisation or instructor, with counts that say what they count.
import { Alert, Card, Empty, Select, Space, Spin, Switch, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { DueLevel, Settle } from '../../../../shared/orglife/due.js';
import { UnitSelect } from '../../../components/UnitSelect';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { DUE_KIND, DUE_LEVEL } from '../activities/labels';
import { DueLegend, LevelCountsLine, useLevelHints } from './DueCounts';
import { DueSections } from './DueGroups';
import { countKinds, countLevels, DUE_KINDS, DUE_LEVELS, filterDue, groupDue, type DueKind } from './dueModel';
import { SettleForm } from './SettleForm';

export { useDueText } from './dueText';

/** Up to this many items, every group starts open; beyond it, groups start folded. */
export const OPEN_ALL_UP_TO = 40;

export function DueList() {
  const { t, label, lang } = useT();
  const hints = useLevelHints();
  const session = useApi('session.info', {});
  const units = useApi('orgUnits.list', {});
  const [unitId, setUnitId] = useState<string | undefined>();
  const [kind, setKind] = useState<DueKind | undefined>();
  const [level, setLevel] = useState<DueLevel | undefined>();
  const [mineChoice, setMine] = useState<boolean | null>(null);
  const due = useApi('orgLife.due', unitId ? { unitId } : {});
  const [settle, setSettle] = useState<Settle | null>(null);

  const userName = session.data?.userName ?? '';
  const me = due.data?.myInstructorIds ?? [];
  const mine = mineChoice ?? session.data?.role === 'instructor';
  const all = due.data?.items ?? [];
  // The counts describe what "mine" leaves; kind and urgency then narrow what is listed.
  const scoped = filterDue(all, { mine: mine ? me : null });
  const shown = filterDue(scoped, { kind, level, mine: null });
  const levels = countLevels(scoped);
  const kinds = countKinds(scoped);
  const mineHint = t('due.mineHint', { name: userName, n: me.length });
  const ready = !!due.data && !!session.data;

  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid="due-list"
      title={
        <Space size={16} wrap>
          {t('due.title')}
          {ready && <LevelCountsLine counts={levels} hints={hints} testId="due-counts" />}
        </Space>
      }
      extra={
        <Space size={4}>
          {due.data && <Typography.Text type="secondary">{t('act.asOf', { day: due.data.asOf })}</Typography.Text>}
          <DueLegend hints={hints} mineHint={mineHint} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <UnitSelect units={units.data ?? []} allowClear placeholder={t('act.allUnits')} style={{ width: 200 }} value={unitId} onChange={setUnitId} />
        <Select<DueKind>
          allowClear aria-label={t('due.allKinds')} placeholder={t('due.allKinds')} style={{ width: 190 }} value={kind} onChange={setKind}
          options={DUE_KINDS.map((k) => ({ value: k, label: `${label(DUE_KIND, k)}（${kinds[k]}）` }))}
        />
        <Select<DueLevel>
          allowClear aria-label={t('due.allLevels')} placeholder={t('due.allLevels')} style={{ width: 170 }} value={level} onChange={setLevel}
          options={DUE_LEVELS.map((l) => ({ value: l, label: `${label(DUE_LEVEL, l)}（${levels[l]}）` }))}
        />
        <Tooltip title={mineHint}>
          <Space size={6}>
            <Switch size="small" checked={mine} onChange={setMine} aria-label={t('due.mine')} data-testid="due-mine" />
            <span>{t('due.mine')}</span>
          </Space>
        </Tooltip>
        {ready && shown.length !== all.length && <Typography.Text type="secondary">{t('due.shown', { total: all.length, shown: shown.length })}</Typography.Text>}
      </Space>
      {due.error && <Alert type="error" showIcon title={errorText(due.error, lang)} />}
      {ready && mine && me.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="due-mine-none" title={t('due.mineNone', { name: userName })} />}
      {!ready ? (
        due.error ? null : <Spin />
      ) : shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={all.length === 0 ? t('due.none') : t('due.noneFiltered')} />
      ) : (
        // A new filter starts from the default folding; a reload after a save keeps the user's.
        <DueSections key={`${unitId}|${kind}|${level}|${mine}`} sections={groupDue(shown)} openGroups={shown.length <= OPEN_ALL_UP_TO} hints={hints} onSettle={setSettle} />
      )}
      <SettleForm settle={settle} onClose={(saved) => {
        setSettle(null);
        if (saved) void due.reload();
      }} />
    </Card>
  );
}
