// Frozen once landed. Dual-track assessment (issue 12 item 3): the business indicators of an outlet
// per period (revenue growth, core-product penetration, customer satisfaction, complaint rate),
// entered by hand or imported from the channel system's export. One live row per outlet, period
// and indicator (a correction updates it); the row syncs like every record.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE business_indicators (
    id TEXT PRIMARY KEY,
    outlet_id TEXT NOT NULL,
    period TEXT NOT NULL,
    indicator TEXT NOT NULL CHECK (indicator IN ('revenue_growth','core_penetration','satisfaction','complaint_rate')),
    value REAL NOT NULL,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','import')),
    note TEXT, entered_by TEXT NOT NULL,
    scope_path TEXT NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0)`,
  `CREATE INDEX business_indicators_outlet ON business_indicators(outlet_id, period, indicator)`,
  `CREATE INDEX business_indicators_scope ON business_indicators(scope_path, period)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
