// The org feature's public face: org units, Party organisations and instructors (组织架构), and outlets (渠道网点).
export { OrgPage } from './OrgPage';
export { OutletsPage } from './outlets/OutletsPage';
