// Operations of the statistics feature: the half-year and year-end Party statistics of a scope
// (counts only, never a person), on screen, in Excel and on paper.
import { read, type FilePayload } from '../contract/define.js';
import { statisticsReport } from './schemas.js';
import type { StatisticsReport } from './types.js';

export const statisticsContract = {
  'statistics.report': read<StatisticsReport>()(statisticsReport),
  'statistics.export': read<FilePayload>()(statisticsReport),
} as const;
