// The assessment feature's public face: the 考核预警 page and the user's three-lists items for 工作台.
export { AssessmentPage } from './AssessmentPage';
export { MyItemsCard } from './MyItemsCard';
