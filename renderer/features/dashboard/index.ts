// The dashboard feature's public face: 工作台.
export { DashboardPage } from './DashboardPage';
