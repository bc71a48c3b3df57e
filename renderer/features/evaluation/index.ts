// The evaluation feature's public face: the 民主评议 tab (hosted by the 党费与评议 page).
export { ReviewTab } from './ReviewTab';
