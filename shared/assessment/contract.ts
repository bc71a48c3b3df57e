// Operations of the assessment feature: the warning board (红黄绿灯) and the three lists (三单).
import { z } from 'zod';
import { read, write, type FilePayload, type Page } from '../contract/define.js';
import { assessmentExport, boardInput, itemList, itemMove, itemSave, recordInput } from './schemas.js';
import type { AssessmentSettings } from './thresholds.js';
import type { Board, ItemRow, RecordResult } from './types.js';
import { businessImportInput, businessSaveInput, businessTemplateInput, outletCardInput, scorecardInput, type BusinessImportResult, type OutletCard, type RollupRow, type Scorecard } from './dualTrackApi.js';

export const assessmentContract = {
  'assessment.settings': read<AssessmentSettings>()(z.strictObject({})),
  'assessment.board': read<Board>()(boardInput),
  /** The day since which this device records changes: a past board's org tree is the one of its time from then on. */
  'assessment.treeSince': read<{ since: string | null }>()(z.strictObject({})),
  /** Keeps the period's lights (and the previous period's, if not yet kept) and escalates two reds in a row. */
  'assessment.record': write<RecordResult>()(recordInput),
  // Exports are reads that log themselves, like the registry's.
  'assessment.export': read<FilePayload>()(assessmentExport),
  'rectification.list': read<Page<ItemRow>>()(itemList),
  'rectification.save': write<ItemRow>()(itemSave),
  'rectification.move': write<ItemRow>()(itemMove),
  /** The dual-track scorecard (双轨考核) of the outlets under a unit for a quarter or year, with roll-ups. */
  'assessment.scorecard': read<Scorecard>()(scorecardInput),
  'assessment.outletCard': read<OutletCard>()(outletCardInput),
  /** The scorecard and its roll-ups as .xlsx (logged like every export). */
  'assessment.scorecard.export': read<FilePayload>()(scorecardInput),
  /** Every outlet's full card (all eight indicators) and the roll-ups: the printed scorecard. */
  'assessment.scorecard.cards': read<{ period: string; cards: OutletCard[]; rollups: RollupRow[] }>()(scorecardInput),
  /** Hand entry of an outlet's business indicators for a period; one bad value refuses them all. */
  'assessment.business.save': write<OutletCard>()(businessSaveInput),
  'assessment.business.template': read<FilePayload>()(businessTemplateInput),
  /** Checks an Excel sheet of business values (commit false) or writes all its rows, or none if one is wrong. */
  'assessment.business.import': write<BusinessImportResult>()(businessImportInput),
} as const;
