// Operations of the reviews feature: 复盘 of an organisation or a county for a month, quarter or
// year (data prefilled from the board and milestones), findings to the three lists or to training,
// and the retraining session recorded against a training need.
import { read, write, type Page } from '../contract/define.js';
import { reviewGet, reviewList, reviewPrefill, reviewRetrain, reviewSave } from './schemas.js';
import type { ReviewData } from './rules.js';
import type { ReviewRow } from './types.js';

export const reviewsContract = {
  'reviews.prefill': read<ReviewData>()(reviewPrefill),
  'reviews.list': read<Page<ReviewRow>>()(reviewList),
  'reviews.get': read<ReviewRow>()(reviewGet),
  'reviews.save': write<ReviewRow>()(reviewSave),
  'reviews.retrain': write<ReviewRow>()(reviewRetrain),
} as const;
