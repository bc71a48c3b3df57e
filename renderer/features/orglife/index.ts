// The orglife feature's public face: 组织生活 (activities, compliance, calendar, record book),
// 指导员工作 (duties, visits, contact points) and the 待办 list shown on the dashboard.
export { ActivitiesPage } from './ActivitiesPage';
export { InstructorsPage } from './InstructorsPage';
export { DueList } from './due/DueList';
