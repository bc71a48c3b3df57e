import type { ComponentType } from 'react';
import { PendingModule } from '../components/PendingModule';
import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { InstructorsPage } from '../features/instructors/InstructorsPage';
import { OrgPage } from '../features/org/OrgPage';
import { OutletsPage } from '../features/outlets/OutletsPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { SyncPage } from '../features/sync/SyncPage';
import type { PageKey } from './nav';

// One entry per navigation item; a feature replaces its PendingModule when it lands.
export const pageComponents: Record<PageKey, ComponentType> = {
  dashboard: DashboardPage,
  org: OrgPage,
  outlets: OutletsPage,
  people: PeoplePage,
  activities: ActivitiesPage,
  instructors: InstructorsPage,
  assessment: () => <PendingModule textKey="pending.assessment" />,
  sync: SyncPage,
};
