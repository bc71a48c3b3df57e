// Inputs and results of the dual-track operations (双轨考核): the scorecard and the hand entry of
// business indicators.
import { z } from 'zod';
import type { Light } from '../orglife/status.js';
import { BUSINESS_KEYS, type ChannelType, type DualKey } from './dualTrack.js';

const id = z.string().min(1).max(40);
/** A quarter (2026-Q3) or a year (2026). */
export const dualPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, { message: 'period' });

export const scorecardInput = z.strictObject({ unitId: id.optional(), period: dualPeriod });
export const outletCardInput = z.strictObject({ outletId: id, period: dualPeriod });
export const businessSaveInput = z.strictObject({
  outletId: id,
  period: dualPeriod,
  /** A number sets the value, null clears it; a key left out is left as it is. */
  values: z.strictObject(Object.fromEntries(BUSINESS_KEYS.map((k) => [k, z.number().nullable().optional()])) as Record<(typeof BUSINESS_KEYS)[number], z.ZodOptional<z.ZodNullable<z.ZodNumber>>>),
  note: z.string().max(500).nullable().optional(),
});

export interface IndicatorLine {
  key: DualKey;
  raw: number | null;
  score: number | null;
  weight: number;
  /** The weight after missing values were left out (what the points are computed with). */
  effectiveWeight: number;
  points: number | null;
  source: { zh: string; en: string };
}

export interface OutletScore {
  outletId: string;
  outletName: string;
  channelType: ChannelType;
  orgId: string | null;
  orgName: string | null;
  gridId: string | null;
  gridName: string | null;
  countyId: string | null;
  countyName: string | null;
  composite: number | null;
  light: Light;
  /** Some indicator was missing, so the others' weights were scaled up to make 100%. */
  renormalised: boolean;
  missing: DualKey[];
}

export interface RollupRow { kind: 'org' | 'grid' | 'county'; id: string; name: string; outlets: number; composite: number | null; light: Light }

export interface Scorecard { period: string; outlets: OutletScore[]; rollups: RollupRow[] }

export interface OutletCard extends OutletScore { period: string; indicators: IndicatorLine[] }

export const businessTemplateInput = z.strictObject({ unitId: id.optional(), period: dualPeriod });
export const businessImportInput = z.strictObject({
  period: dualPeriod,
  fileName: z.string().min(1).max(200),
  base64: z.string().min(1).max(20_000_000),
  /** false: check and show; true: write every row, or nothing if any row is wrong. */
  commit: z.boolean(),
});

export interface ImportRow {
  /** The sheet's row number (1-based, as Excel shows it). */
  row: number;
  outletCode: string;
  outletName: string | null;
  values: Partial<Record<(typeof BUSINESS_KEYS)[number], number | null>>;
  errors: { zh: string; en: string }[];
}

export interface BusinessImportResult { period: string; rows: ImportRow[]; errorRows: number; written: number }
