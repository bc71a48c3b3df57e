// 党费与评议: dues, the members the records put at risk, the yearly democratic review (the
// evaluation feature's tab) and the organisation checks (committee, term, one branch per member).
import { Tabs } from 'antd';
import { ReviewTab } from '../evaluation';
import { useT } from '../../i18n';
import { DuesTab } from './DuesTab';
import { OrgChecksTab } from './OrgChecksTab';
import { StandingTab } from './StandingTab';

export function DuesPage() {
  const { t } = useT();
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'dues', label: t('dues.tabDues'), children: <DuesTab /> },
        { key: 'standing', label: t('dues.tabStanding'), children: <StandingTab /> },
        { key: 'review', label: t('dues.tabReview'), children: <ReviewTab /> },
        { key: 'orgChecks', label: t('dues.tabOrgChecks'), children: <OrgChecksTab /> },
      ]}
    />
  );
}
