// 岗区队·里程碑: the 334N work of seed 004 (3支队伍, 4个落实, 党建和创) and seed 000's milestones, in tabs.
import { Tabs } from 'antd';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { MilestonesTab } from './MilestonesTab';
import { PairingTab } from './PairingTab';
import { HonoursTab } from './HonoursTab';
import { ReviewsTab } from './ReviewsTab';
import { PledgesTab } from './PledgesTab';
import { TeamsTab } from './TeamsTab';

export function Work334Page() {
  const { t } = useT();
  const session = useApi('session.info', {});
  const role = session.data?.role;
  // Organisers keep teams and milestones; instructors also take pledges down at the outlet.
  const organiser = role === 'county_organiser' || role === 'hq_admin';
  return (
    <Tabs destroyOnHidden data-testid="w3-tabs" items={[
      { key: 'teams', label: t('w3.tab.teams'), children: <TeamsTab canWrite={organiser} /> },
      { key: 'milestones', label: t('w3.tab.milestones'), children: <MilestonesTab canWrite={organiser} /> },
      { key: 'pledges', label: t('w3.tab.pledges'), children: <PledgesTab canWrite={organiser || role === 'instructor'} canReview={organiser} /> },
      { key: 'pairing', label: t('w3.tab.pairing'), children: <PairingTab canWrite={organiser} /> },
      { key: 'reviews', label: t('w3.tab.reviews'), children: <ReviewsTab canWrite={organiser} /> },
      {
        key: 'honours', label: t('w3.tab.honours'),
        children: <HonoursTab canWrite={organiser} maySeeTalks={organiser} me={session.data?.userName ?? ''} />,
      },
    ]} />
  );
}
