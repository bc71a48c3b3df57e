// The functions behind shared/statistics/contract.ts: the half-year and year-end statistics.
import type { statisticsContract } from '../../shared/statistics/contract.js';
import type { HandlerMap } from '../api/types.js';
import { exportStatistics } from './export.js';
import { reportFor } from './scoped.js';

export const statisticsHandlers: HandlerMap<keyof typeof statisticsContract> = {
  'statistics.report': async (ctx, q) => (await reportFor(ctx, q)).report,
  'statistics.export': async (ctx, q) => exportStatistics(ctx, q),
};
