// Input schemas of the statistics operations (党内统计: the half-year and year-end report).
import { z } from 'zod';
import { id } from '../core/schemas.js';

export const STAT_PERIODS = ['h1', 'year'] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

export const statisticsReport = z.strictObject({
  /** A county, a city or the province; the session's whole scope when absent. */
  unitId: id.optional(),
  year: z.number().int().min(2000).max(2100),
  period: z.enum(STAT_PERIODS),
});

export type StatisticsQuery = z.output<typeof statisticsReport>;
