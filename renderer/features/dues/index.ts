// The dues feature's public face: the 党费与评议 page (dues, member warnings, and the review tab).
export { DuesPage } from './DuesPage';
