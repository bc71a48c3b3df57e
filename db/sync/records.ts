// What the 同步 screen shows and does: the status, conflict and rejection records, and the two
// actions on a record — re-apply (a new local write of the kept value, synced like any edit) and
// dismiss.
import { storedProgress } from './snapshot.js';
import { sql } from 'kysely';
import type { ConflictRecord, RejectionRecord, SyncStatus } from '../../shared/sync/contract.js';
import { ApiError } from '../../shared/core/errors.js';
import { hlcMs, hlcNode } from '../../shared/sync/hlc.js';
import { PURGED_CODE, RESTAMPED_CODE } from '../../shared/sync/protocol.js';
import type { Db, Session } from '../context.js';
import type { SyncEngine } from './engine.js';
import { blobCounts, lastBlobError } from './blobs.js';
import { capturedTables, syncedColumns } from './capture.js';
import { relayStatus } from './relay/status.js';
import { waitingChanges } from './outbox.js';
import { writerNameOf } from '../history/writerOf.js';
import { hqUrlSafety } from './client.js';
import { deviceSyncSettings } from './settings.js';
import { META } from './session.js';
import type { Page } from '../../shared/contract/define.js';
import type Database from 'better-sqlite3';

const iso = (hlc: string) => new Date(hlcMs(hlc)).toISOString();
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));
const LABEL_COLUMNS = ['name', 'title', 'key', 'code'];

function meta(raw: Database.Database, key: string): string | null {
  return (raw.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

function urlWarning(raw: Database.Database, session: Session): SyncStatus['hqUrlWarning'] {
  const url = meta(raw, META.url);
  const unsafe = url ? hqUrlSafety(url) : null;
  if (!unsafe) return null;
  const refused = deviceSyncSettings(raw, session.scopePath).requireTls;
  return refused ? { message: unsafe.refusedZh, messageEn: unsafe.refusedEn, refused } : { message: unsafe.zh, messageEn: unsafe.en, refused };
}

export function syncStatus(raw: Database.Database, session: Session, engine: SyncEngine | undefined): SyncStatus {
  const enrolled = !!meta(raw, META.secret);
  const one = (q: string) => (raw.prepare(q).get() as { n: number }).n;
  const waiting = waitingChanges(raw);
  return {
    enrolled,
    hqUrl: meta(raw, META.url),
    deviceId: session.deviceId,
    userName: session.userName,
    role: session.role,
    scopePath: session.scopePath,
    connection: !enrolled ? (meta(raw, 'sync_wiped_at') && engine?.connection === 'revoked' ? 'revoked' : 'not_enrolled') : (engine?.connection ?? 'offline'),
    lastSuccessAt: meta(raw, META.lastSuccess),
    lastAttemptAt: engine?.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: engine?.nextAttemptAt?.toISOString() ?? null,
    pending: waiting.count,
    oldestPendingAt: waiting.oldestAt,
    lastError: engine?.lastError ?? null,
    openConflicts: one('SELECT count(*) AS n FROM sync_conflicts WHERE deleted = 0 AND dismissed_at IS NULL AND reapplied_at IS NULL'),
    openRejections: one(`SELECT count(*) AS n FROM sync_rejections WHERE dismissed_at IS NULL AND reapplied_at IS NULL AND code <> '${RESTAMPED_CODE}'`),
    stashed: one('SELECT count(*) AS n FROM sync_stash'),
    ...blobCounts(raw, session.deviceId),
    filesError: lastBlobError(raw),
    wipedAt: meta(raw, 'sync_wiped_at'),
    relay: relayStatus(raw),
    hqUrlWarning: urlWarning(raw, session),
    firstSync: engine?.firstSync ?? storedProgress(raw),
  };
}

/** A readable name for a row (its name, title, key or code), if the device holds it. */
async function rowLabel(db: Db, raw: Database.Database, table: string, rowId: string): Promise<string | null> {
  if (!capturedTables(raw).includes(table)) return null;
  const col = LABEL_COLUMNS.find((c) => syncedColumns(raw, table).includes(c));
  if (!col) return null;
  const r = await sql<{ v: string | null }>`SELECT ${sql.ref(col)} AS v FROM ${sql.table(table)} WHERE id = ${rowId}`.execute(db);
  return r.rows[0]?.v ?? null;
}

async function cellValue(db: Db, raw: Database.Database, table: string, rowId: string, col: string): Promise<unknown> {
  if (!capturedTables(raw).includes(table) || !syncedColumns(raw, table).includes(col)) return null;
  const r = await sql<{ v: unknown }>`SELECT ${sql.ref(col)} AS v FROM ${sql.table(table)} WHERE id = ${rowId}`.execute(db);
  return r.rows[0]?.v ?? null;
}

const openOnly = (include: 'open' | 'all') => (include === 'open' ? sql`AND dismissed_at IS NULL AND reapplied_at IS NULL` : sql``);

export async function listConflicts(db: Db, raw: Database.Database, session: Session, f: { include: 'open' | 'all'; limit: number; offset: number }): Promise<Page<ConflictRecord>> {
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM sync_conflicts WHERE deleted = 0 ${openOnly(f.include)}`.execute(db);
  const rows = await sql<Record<string, string | null>>`
    SELECT * FROM sync_conflicts WHERE deleted = 0 ${openOnly(f.include)} ORDER BY winner_hlc DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  const out: ConflictRecord[] = [];
  for (const r of rows.rows) {
    const [t, id, col] = [r.tbl!, r.row_id!, r.col!];
    out.push({
      id: r.id!, table: t, rowId: id, column: col, rowLabel: await rowLabel(db, raw, t, id),
      loser: { value: parse(r.loser_value ?? null), user: writerNameOf(raw, t, id, r.loser_hlc!) ?? r.loser_user!, at: iso(r.loser_hlc!), mine: hlcNode(r.loser_hlc!) === session.deviceId },
      winner: { value: parse(r.winner_value ?? null), user: writerNameOf(raw, t, id, r.winner_hlc!) ?? r.winner_user!, at: iso(r.winner_hlc!), mine: hlcNode(r.winner_hlc!) === session.deviceId },
      current: await cellValue(db, raw, t, id, col),
      dismissedAt: r.dismissed_at ?? null, reappliedAt: r.reapplied_at ?? null,
    });
  }
  return { rows: out, total: Number(total.rows[0]!.n) };
}

// A restamped write was kept (only its time was set to HQ's): a note to read under "all", not a refusal
// waiting for the user.
const openRejection = (include: 'open' | 'all') => (include === 'open' ? sql`${openOnly(include)} AND code <> ${RESTAMPED_CODE}` : sql``);

export async function listRejections(db: Db, raw: Database.Database, f: { include: 'open' | 'all'; limit: number; offset: number }): Promise<Page<RejectionRecord>> {
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM sync_rejections WHERE 1 = 1 ${openRejection(f.include)}`.execute(db);
  const rows = await sql<Record<string, string | number | null>>`
    SELECT * FROM sync_rejections WHERE 1 = 1 ${openRejection(f.include)} ORDER BY id DESC LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db);
  const out: RejectionRecord[] = [];
  for (const r of rows.rows) {
    const values = JSON.parse(String(r.cols)) as Record<string, unknown>;
    out.push({
      id: String(r.id), table: String(r.tbl), rowId: String(r.row_id),
      rowLabel: (await rowLabel(db, raw, String(r.tbl), String(r.row_id))) ?? (typeof values.name === 'string' ? values.name : null),
      values, code: String(r.code), reason: String(r.reason_zh), reasonEn: String(r.reason_en),
      madeAt: iso(String(r.hlc)), rejectedAt: String(r.at), dismissedAt: r.dismissed_at as string | null, reappliedAt: r.reapplied_at as string | null,
    });
  }
  return { rows: out, total: Number(total.rows[0]!.n) };
}

/** Writes `values` to the row as an ordinary local change (captured, synced, maybe refused again). */
async function writeAgain(db: Db, raw: Database.Database, table: string, rowId: string, values: Record<string, unknown>, now: string): Promise<void> {
  if (!capturedTables(raw).includes(table)) throw new ApiError('validation', '本机没有这类数据', 'Unknown table on this device');
  const known = new Set(syncedColumns(raw, table));
  const cells = Object.fromEntries(Object.entries(values).filter(([c]) => known.has(c)));
  if (known.has('updated_at')) cells.updated_at = now;
  const exists = await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${rowId}`.execute(db);
  const cols = Object.keys(cells);
  if (exists.rows.length) {
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(cols.map((c) => sql`${sql.ref(c)} = ${cells[c]}`))} WHERE id = ${rowId}`.execute(db);
  } else {
    try {
      await sql`INSERT INTO ${sql.table(table)} (id, ${sql.join(cols.map((c) => sql.ref(c)))}) VALUES (${rowId}, ${sql.join(cols.map((c) => sql`${cells[c]}`))})`.execute(db);
    } catch {
      throw new ApiError('conflict', '该记录已不在本机，无法重新应用（请重新录入）', 'The record is no longer on this device; enter it again');
    }
  }
}

export async function reapply(db: Db, raw: Database.Database, kind: 'conflict' | 'rejection', id: string, now: string): Promise<void> {
  if (kind === 'conflict') {
    const r = (await sql<Record<string, string>>`SELECT tbl, row_id, col, loser_value FROM sync_conflicts WHERE id = ${id} AND deleted = 0`.execute(db)).rows[0];
    if (!r) throw new ApiError('not_found', '冲突记录不存在', 'Conflict record not found');
    await writeAgain(db, raw, r.tbl!, r.row_id!, { [r.col!]: parse(r.loser_value!) }, now);
    await sql`UPDATE sync_conflicts SET reapplied_at = ${now} WHERE id = ${id}`.execute(db);
  } else {
    const r = (await sql<Record<string, string>>`SELECT tbl, row_id, cols, code FROM sync_rejections WHERE id = ${Number(id)}`.execute(db)).rows[0];
    if (!r) throw new ApiError('not_found', '被拒记录不存在', 'Rejection record not found');
    // HQ would refuse it again, however often it is sent.
    if (r.code === PURGED_CODE)
      throw new ApiError('conflict', '该记录已在总部删除并清理，无法恢复；如仍需要，请新建一条记录重新录入（被拒内容见本记录）', 'The record was deleted and purged at HQ and cannot come back; enter it again as a new record (the refused values are shown here)');
    await writeAgain(db, raw, r.tbl!, r.row_id!, JSON.parse(r.cols!), now);
    await sql`UPDATE sync_rejections SET reapplied_at = ${now} WHERE id = ${Number(id)}`.execute(db);
  }
}

export async function dismiss(db: Db, kind: 'conflict' | 'rejection', id: string, now: string): Promise<void> {
  const r =
    kind === 'conflict'
      ? await sql`UPDATE sync_conflicts SET dismissed_at = ${now} WHERE id = ${id}`.execute(db)
      : await sql`UPDATE sync_rejections SET dismissed_at = ${now} WHERE id = ${Number(id)}`.execute(db);
  if (Number(r.numAffectedRows ?? 0) === 0) throw new ApiError('not_found', '记录不存在', 'Record not found');
}
