// Frozen once landed. The HQ console (hq/console/): its own accounts (scrypt hashes, never the
// password), sessions (only the SHA-256 of the cookie's id is kept, so a copy of the database
// opens no session), and the audit of every administrative action with its before and after.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../schema.js';

export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const text = d === 'pg' ? 'TEXT COLLATE "C"' : 'TEXT';
  await sql.raw(`CREATE TABLE hq_console_users (
    user_name ${text} PRIMARY KEY, display_name ${text} NOT NULL, role ${text} NOT NULL, scope_path ${text} NOT NULL,
    password_hash ${text} NOT NULL, failed_count INTEGER NOT NULL DEFAULT 0, locked_until BIGINT, created_at ${text} NOT NULL,
    created_by ${text}, disabled_at ${text})`).execute(db);
  await sql.raw(`CREATE TABLE hq_console_sessions (
    id_hash ${text} PRIMARY KEY, user_name ${text} NOT NULL, csrf ${text} NOT NULL, created_at BIGINT NOT NULL, last_at BIGINT NOT NULL)`).execute(db);
  await sql.raw(`CREATE INDEX hq_console_sessions_user ON hq_console_sessions (user_name)`).execute(db);
  await sql.raw(`CREATE TABLE hq_console_audit (
    id ${text} PRIMARY KEY, at ${text} NOT NULL, user_name ${text} NOT NULL, action ${text} NOT NULL, scope_path ${text} NOT NULL,
    target ${text}, before_json ${text}, after_json ${text}, ip ${text})`).execute(db);
  await sql.raw(`CREATE INDEX hq_console_audit_at ON hq_console_audit (at)`).execute(db);
}
