// The points feature's public face: the 党员积分 tab of the 考核预警 page.
export { PointsTab } from './PointsTab';
