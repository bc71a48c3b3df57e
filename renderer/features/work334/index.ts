// The 334N work's public face: the 岗区队·里程碑 page (teams, pledges and milestones).
export { Work334Page } from './Work334Page';
