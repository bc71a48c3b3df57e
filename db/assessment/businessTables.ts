// Row type of the business indicators table (2026_12_04_business_indicators), joined into db/schema.ts's DB.
import type { Generated } from 'kysely';

export interface BusinessIndicatorsTable {
  id: string;
  outlet_id: string;
  period: string;
  indicator: string;
  value: number;
  source: Generated<string>;
  note: string | null;
  entered_by: string;
  scope_path: string;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted: Generated<number>;
}

export interface BusinessTables {
  business_indicators: BusinessIndicatorsTable;
}
