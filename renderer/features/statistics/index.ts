// The statistics feature's public face: the 党内统计 page.
export { StatisticsPage } from './StatisticsPage';
