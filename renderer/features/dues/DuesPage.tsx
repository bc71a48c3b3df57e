// 党费与评议: dues, the members the records put at risk, and the yearly democratic review (the
// evaluation feature's tab).
import { Tabs } from 'antd';
import { ReviewTab } from '../evaluation';
import { useT } from '../../i18n';
import { DuesTab } from './DuesTab';
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
      ]}
    />
  );
}
