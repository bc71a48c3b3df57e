// Counts that explain themselves (field trial: three bare badges, one reading 99+): each level is
// written out with its number, its rule is on hover, and the key lists all three.
import { Button, Popover, Space, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { DueLevel } from '../../../../shared/orglife/due.js';
import { ORGLIFE_DEFAULTS } from '../../../../shared/orglife/settings.js';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { DUE_LEVEL } from '../activities/labels';
import { DUE_LEVELS, type LevelCounts } from './dueModel';

const DOT: Record<DueLevel, string> = { overdue: '#f5222d', warning: '#faad14', due: '#1677ff' };

/** A plain coloured dot: the list repeats it hundreds of times, so no widget per dot. */
const Dot = ({ level }: { level: DueLevel }) => (
  <span aria-hidden style={{ display: 'inline-block', width: 6, height: 6, borderRadius: 3, background: DOT[level], marginInlineEnd: 6, verticalAlign: 'middle' }} />
);

/** What each level means, with the numbers the settings give. */
export function useLevelHints(): Record<DueLevel, string> {
  const { t } = useT();
  const s = useApi('orgLife.settings', {}).data ?? ORGLIFE_DEFAULTS;
  const w = s.warning;
  const vars = { day: w.monthlyYellowAfterDay, q: w.yellowLastMonths.quarter, h: w.yellowLastMonths.half, y: w.yellowLastMonths.year, red: s.probation.redAfterDays };
  return { overdue: t('due.hint.overdue', vars), warning: t('due.hint.warning', vars), due: t('due.hint.due') };
}

/** "已逾期 12 · 即将到期 5 · 本期待办 30"; compact leaves out the levels at zero. */
export function LevelCountsLine(props: { counts: LevelCounts; hints: Record<DueLevel, string>; compact?: boolean; testId?: string }) {
  const { label } = useT();
  const shown = DUE_LEVELS.filter((l) => !props.compact || props.counts[l] > 0);
  return (
    <Space size={4} separator={<Typography.Text type="secondary">·</Typography.Text>} data-testid={props.testId}>
      {shown.map((l) => (
        // The rule on hover as the browser's own tooltip: one antd Tooltip per count is heavy in a long list.
        <span key={l} title={props.hints[l]} data-testid={props.testId ? `${props.testId}-${l}` : undefined} style={{ whiteSpace: 'nowrap' }}>
          <Dot level={l} />{label(DUE_LEVEL, l)} <b>{props.counts[l]}</b>
        </span>
      ))}
    </Space>
  );
}

/** The key: every level with its rule, and how 只看我的 decides what is yours. */
export function DueLegend(props: { hints: Record<DueLevel, string>; mineHint: string }) {
  const { t, label } = useT();
  const content = (
    <div style={{ maxWidth: 420 }} data-testid="due-legend">
      {DUE_LEVELS.map((l) => (
        <p key={l} style={{ margin: '0 0 6px' }}>
          <Dot level={l} /><b>{label(DUE_LEVEL, l)}</b>：{props.hints[l]}
        </p>
      ))}
      <p style={{ margin: 0 }}><b>{t('due.mine')}</b>：{props.mineHint}</p>
    </div>
  );
  return (
    <Popover content={content} title={t('due.legend')} trigger="click" placement="bottomRight">
      <Button size="small" type="link" icon={<QuestionCircleOutlined />}>{t('due.legend')}</Button>
    </Popover>
  );
}
