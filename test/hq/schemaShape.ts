// What a database's schema is, told the same way for two databases so that they can be compared:
// tables, columns (type, nullability, default, collation, storage), indexes (with their definitions).
import { sql } from 'kysely';
import type { HqStore } from '../../hq/store.js';

export interface SchemaShape {
  tables: string[];
  columns: string[];
  indexes: string[];
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function schemaShape(store: HqStore): Promise<SchemaShape> {
  if (store.dialect === 'pg') {
    const cols = await sql<{ t: string; c: string; type: string; nullable: string; dflt: string | null; coll: string | null; storage: string }>`
      SELECT c.table_name AS t, c.column_name AS c, c.data_type AS type, c.is_nullable AS nullable, c.column_default AS dflt,
        c.collation_name AS coll, a.attstorage AS storage
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass AND a.attname = c.column_name
      WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`.execute(store.db);
    const idx = await sql<{ def: string }>`SELECT indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`.execute(store.db);
    return {
      tables: [...new Set(cols.rows.map((r) => r.t))],
      columns: cols.rows.map((r) => `${r.t}.${r.c} ${r.type} ${r.nullable === 'NO' ? 'NOT NULL' : 'NULL'} default=${r.dflt ?? ''} collate=${r.coll ?? ''} storage=${r.storage}`),
      indexes: idx.rows.map((r) => r.def),
    };
  }
  const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(store.db)).rows.map((r) => r.name);
  const columns: string[] = [];
  for (const t of tables) {
    const cols = await sql<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>`SELECT * FROM pragma_table_info(${t})`.execute(store.db);
    for (const c of cols.rows) columns.push(`${t}.${c.name} ${c.type} ${c.notnull ? 'NOT NULL' : 'NULL'} default=${c.dflt_value ?? ''} pk=${c.pk}`);
  }
  const idx = await sql<{ name: string; tbl: string; sql: string | null }>`
    SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`.execute(store.db);
  return { tables, columns, indexes: idx.rows.map((r) => `${r.tbl} ${r.name} ${squash(r.sql)}`) };
}

/** The shape without Kysely's own bookkeeping tables (which only a migrated database has). */
export function withoutMigrator(s: SchemaShape): SchemaShape {
  const mine = (x: string) => !/kysely_migration/.test(x);
  return { tables: s.tables.filter(mine), columns: s.columns.filter(mine), indexes: s.indexes.filter(mine) };
}
