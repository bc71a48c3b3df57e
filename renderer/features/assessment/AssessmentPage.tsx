// 考核预警: the warning board, the three lists, member points (the points feature's tab), the
// dual-track scorecard, the warning thresholds and the other assessment settings.
import { Tabs } from 'antd';
import { PointsTab } from '../points';
import { useT } from '../../i18n';
import { BoardTab } from './board/BoardTab';
import { ItemsTab } from './items/ItemsTab';
import { ThresholdsTab } from './ThresholdsTab';
import { ScorecardTab } from './scorecard/ScorecardTab';
import { SettingsTab } from './settings/SettingsTab';

export function AssessmentPage() {
  const { t } = useT();
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'board', label: t('as.tabBoard'), children: <BoardTab /> },
        { key: 'items', label: t('as.tabItems'), children: <ItemsTab /> },
        { key: 'points', label: t('as.tabPoints'), children: <PointsTab /> },
        { key: 'dualTrack', label: t('as.tabDualTrack'), children: <ScorecardTab /> },
        { key: 'thresholds', label: t('as.tabThresholds'), children: <ThresholdsTab /> },
        { key: 'settings', label: t('av.tabSettings'), children: <SettingsTab /> },
      ]}
    />
  );
}
