// The assessment feature's public face: the 考核预警 page and the user's three-lists items and the lights at a glance for 工作台.
export { AssessmentPage } from './AssessmentPage';
export { MyItemsCard } from './MyItemsCard';
export { LightsGlanceCard } from './board/GlanceCard';
