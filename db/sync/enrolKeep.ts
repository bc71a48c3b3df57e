// Nothing a user typed may vanish at enrolment. Before it, a device works as nobody in particular;
// HQ's answer names a role and a scope, and the waiting changes that role/scope would refuse (the
// same rule HQ applies on push, shared/sync/rights.ts) used to be pushed, refused, marked gone and
// deleted. Now: HQ's answer is held until the user has seen what would be refused (enrol.ts), and
// those changes are moved out of the outbox into sync_kept, whole, while their rows stay in their
// tables — exportable to Excel — until the user lets them go.
import type Database from 'better-sqlite3';
import type { Role } from '../../shared/domain/enums.js';
import { mayWrite } from '../../shared/sync/rights.js';
import type { KeptRecord } from '../../shared/sync/enrolKeep.js';
import { suppressCapture } from './capture.js';

interface OutboxRow {
  seq: number;
  tbl: string;
  row_id: string;
  scope: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A readable name of the row, when its table has one (name, then code). */
function labelOf(raw: Database.Database, tbl: string, rowId: string, cols: Map<string, Set<string>>): string {
  let have = cols.get(tbl);
  if (!have) {
    have = new Set((raw.prepare(`PRAGMA table_info(${ident(tbl)})`).all() as { name: string }[]).map((c) => c.name));
    cols.set(tbl, have);
  }
  const pick = ['name', 'title', 'topic', 'code'].filter((c) => have.has(c));
  if (!pick.length) return '';
  const row = raw.prepare(`SELECT ${pick.map(ident).join(', ')} FROM ${ident(tbl)} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
  return row ? pick.map((c) => row[c]).filter((v) => v !== null && v !== undefined && v !== '').map(String).join(' · ') : '';
}

interface Refused {
  seqs: number[];
  record: KeptRecord;
}

/** The waiting changes the granted role and scope would refuse, one entry per record. */
export function predictRefusals(raw: Database.Database, role: Role, scope: string): Refused[] {
  const rows = raw.prepare('SELECT seq, tbl, row_id, scope FROM sync_outbox ORDER BY seq').all() as OutboxRow[];
  const byRow = new Map<string, Refused>();
  const cols = new Map<string, Set<string>>();
  for (const r of rows) {
    // Everything waiting before enrolment was made on this device: new to HQ, so only its scope counts.
    const v = mayWrite(role, scope, r.tbl, null, r.scope);
    if (v.ok) continue;
    const key = `${r.tbl}\u0000${r.row_id}`;
    const seen = byRow.get(key);
    if (seen) {
      seen.seqs.push(r.seq);
      seen.record.changes++;
      continue;
    }
    byRow.set(key, {
      seqs: [r.seq],
      record: { tbl: r.tbl, rowId: r.row_id, label: labelOf(raw, r.tbl, r.row_id, cols), scope: r.scope, code: v.code, reason: v.zh, reasonEn: v.en, changes: 1, keptAt: null },
    });
  }
  return [...byRow.values()];
}

/** Moves the refused changes out of the outbox (in the caller's transaction): they will not be pushed. */
export function keepRefused(raw: Database.Database, refused: Refused[], now: Date): number {
  const get = raw.prepare('SELECT * FROM sync_outbox WHERE seq = ?');
  const put = raw.prepare('INSERT INTO sync_kept (seq, tbl, row_id, entry, code, reason_zh, reason_en, kept_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const drop = raw.prepare('DELETE FROM sync_outbox WHERE seq = ?');
  let n = 0;
  for (const { seqs, record: k } of refused)
    for (const seq of seqs) {
      const entry = get.get(seq);
      if (!entry) continue;
      put.run(seq, k.tbl, k.rowId, JSON.stringify(entry), k.code, k.reason, k.reasonEn, now.toISOString());
      drop.run(seq);
      n++;
    }
  // HQ takes a device's changes in an unbroken sequence from 1. Nothing has been pushed yet (this
  // runs as enrolment completes), so the changes that stay are numbered again, in their order.
  if (n) {
    const move = raw.prepare('UPDATE sync_outbox SET seq = ? WHERE seq = ?');
    let next = 1;
    for (const { seq } of raw.prepare('SELECT seq FROM sync_outbox ORDER BY seq').all() as { seq: number }[]) move.run(next++, seq);
  }
  return n;
}

/** The records kept at enrolment, one per record, with how many changes each holds. */
export function listKept(raw: Database.Database): KeptRecord[] {
  const rows = raw
    .prepare('SELECT tbl, row_id, entry, code, reason_zh, reason_en, kept_at, count(*) AS n FROM sync_kept GROUP BY tbl, row_id ORDER BY min(seq)')
    .all() as { tbl: string; row_id: string; entry: string; code: string; reason_zh: string; reason_en: string; kept_at: string; n: number }[];
  const cols = new Map<string, Set<string>>();
  return rows.map((r) => ({
    tbl: r.tbl, rowId: r.row_id, label: labelOf(raw, r.tbl, r.row_id, cols), scope: String((JSON.parse(r.entry) as { scope?: unknown }).scope ?? ''),
    code: r.code as KeptRecord['code'], reason: r.reason_zh, reasonEn: r.reason_en, changes: r.n, keptAt: r.kept_at,
  }));
}

/**
 * The user's decision to let the kept records go: their rows are deleted on this device only (no
 * change is captured — HQ never had them) and the kept changes with them.
 */
export function discardKept(raw: Database.Database): number {
  return raw.transaction(() => {
    const rows = raw.prepare('SELECT DISTINCT tbl, row_id FROM sync_kept').all() as { tbl: string; row_id: string }[];
    suppressCapture(raw, () => {
      for (const r of rows) raw.prepare(`DELETE FROM ${ident(r.tbl)} WHERE id = ?`).run(r.row_id);
    });
    raw.prepare('DELETE FROM sync_kept').run();
    return rows.length;
  })();
}
