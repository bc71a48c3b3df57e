import type { ComponentType } from 'react';
import { AssessmentPage } from '../features/assessment';
import { DashboardPage } from '../features/dashboard';
import { OrgPage, OutletsPage } from '../features/org';
import { ActivitiesPage, InstructorsPage } from '../features/orglife';
import { PeoplePage } from '../features/people';
import { SyncPage } from '../features/sync';
import { QuizPage } from '../features/quiz';
import { DuesPage } from '../features/dues';
import { Work334Page } from '../features/work334';
import { StatisticsPage } from '../features/statistics';
import type { PageKey } from './nav';

// One entry per navigation item; a feature replaces its PendingModule when it lands.
export const pageComponents: Record<PageKey, ComponentType> = {
  dashboard: DashboardPage,
  org: OrgPage,
  outlets: OutletsPage,
  people: PeoplePage,
  activities: ActivitiesPage,
  instructors: InstructorsPage,
  assessment: AssessmentPage,
  work334: Work334Page,
  dues: DuesPage,
  statistics: StatisticsPage,
  quiz: QuizPage,
  sync: SyncPage,
};
