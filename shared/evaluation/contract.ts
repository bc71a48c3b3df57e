// The democratic review operations (民主评议党员): a branch's yearly review, its grades and report.
import { read, write } from '../contract/define.js';
import { reviewRef, saveInput } from './schemas.js';
import type { ReviewView } from './types.js';

export const evaluationContract = {
  'evaluation.get': read<ReviewView>()(reviewRef),
  'evaluation.save': write<ReviewView>()(saveInput),
  'evaluation.close': write<ReviewView>()(reviewRef),
} as const;
