// The pull half on the device: apply one chunk from HQ — rows (per-column last writer wins),
// drops (rows that left this device's scope) and conflict records — and store the new cursor,
// all in one transaction, so a crash leaves either the whole chunk or none of it.
import type Database from 'better-sqlite3';
import type { CellValue, PullAnswer, WireConflict, WireDrop, WireRow } from '../../shared/sync/protocol.js';
import { Local, PendingIndex, freezeBase } from './local.js';
import { clockOf, persistClock, setMetaRaw, withoutCapture } from './state.js';

export const CURSOR_KEY = 'sync_cursor';
/** Where the current catch-up began (see `since` in shared/sync/protocol.ts). */
export const SINCE_KEY = 'sync_pull_since';
/** From this many rows a chunk defers search indexing to one set-based pass (cheaper from a handful on). */
export const BULK_ROWS = 8;

export interface ApplySummary {
  rows: number;
  cells: number;
  dropped: number;
  conflicts: number;
  stashed: number;
}

type Event = { v: number; row?: WireRow; drop?: WireDrop; conflict?: WireConflict };

function events(chunk: PullAnswer): Event[] {
  const out: Event[] = [
    ...chunk.rows.map((row) => ({ v: row.v, row })),
    ...chunk.drops.map((drop) => ({ v: drop.v, drop })),
    ...chunk.conflicts.map((conflict) => ({ v: conflict.v, conflict })),
  ];
  return out.sort((a, b) => a.v - b.v);
}

interface Stamped {
  value: CellValue;
  hlc: string;
}

/** `stash.some`: whether sync_stash may hold rows (read once per chunk; an initial sync has none to look up). */
function applyRow(local: Local, pending: PendingIndex, row: WireRow, sum: ApplySummary, stash: { some: boolean }): void {
  if (!local.hasTable(row.t)) return; // a table this app version does not have yet
  const known = local.columns(row.t);
  const incoming = new Map<string, Stamped>();
  const stashedRow = stash.some ? (local.stmt(`SELECT cells FROM sync_stash WHERE tbl = ? AND row_id = ?`).get(row.t, row.id) as { cells: string } | undefined) : undefined;
  if (stashedRow) for (const [c, s] of Object.entries(JSON.parse(stashedRow.cells) as Record<string, Stamped>)) incoming.set(c, s);
  for (const [c, value] of Object.entries(row.c)) {
    const hlc = row.hx?.[c] ?? row.h;
    const prev = incoming.get(c);
    if (known.has(c) && (!prev || prev.hlc < hlc)) incoming.set(c, { value, hlc });
  }
  const clock = clockOf(local.raw);
  const exists = local.rowExists(row.t, row.id);
  const win: Record<string, CellValue> = {};
  const stamps: [string, string][] = [];
  if (!exists && pending.forRow(row.t, row.id).length === 0) {
    // Fast path (initial sync): nothing held locally, every cell wins.
    for (const [c, s] of incoming) {
      win[c] = s.value;
      stamps.push([c, s.hlc]);
    }
  } else {
    const rowClock = local.rowClock(row.t, row.id);
    const cells = local.cellClocks(row.t, row.id);
    for (const [c, s] of incoming) {
      const held = cells.get(c) ?? rowClock;
      const waiting = pending.cellHlc(row.t, row.id, c);
      if (s.hlc > held && s.hlc > waiting) {
        if (waiting) freezeBase(local, pending, row.t, row.id, c, held);
        win[c] = s.value;
        stamps.push([c, s.hlc]);
      }
    }
  }
  if (!stamps.length) return;
  try {
    if (exists) local.updateRow(row.t, row.id, win);
    else local.insertRow(row.t, row.id, win);
  } catch (e) {
    // The local schema refuses the row (missing required value, CHECK a newer app allows): keep it
    // aside and retry when more of it arrives, rather than stop the whole sync.
    const cells = Object.fromEntries(incoming);
    local
      .stmt(`INSERT INTO sync_stash (tbl, row_id, cells, error, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET cells = excluded.cells, error = excluded.error, at = excluded.at`)
      .run(row.t, row.id, JSON.stringify(cells), String((e as Error).message).slice(0, 300), new Date().toISOString());
    sum.stashed++;
    stash.some = true;
    return;
  }
  if (stashedRow) local.stmt(`DELETE FROM sync_stash WHERE tbl = ? AND row_id = ?`).run(row.t, row.id);
  let top = '';
  if (!exists && stamps.length === incoming.size) {
    // One row clock for the stamp most cells share, cell clocks for the rest.
    local.setRowClock(row.t, row.id, row.h);
    for (const [c, h] of stamps) if (h !== row.h) local.setCellClock(row.t, row.id, c, h);
  } else for (const [c, h] of stamps) local.setCellClock(row.t, row.id, c, h);
  for (const [, h] of stamps) if (h > top) top = h;
  clock.observe(top);
  sum.rows++;
  sum.cells += stamps.length;
}

function applyConflict(local: Local, c: WireConflict): void {
  if (c.deleted) {
    local.stmt(`DELETE FROM sync_conflicts WHERE id = ?`).run(c.id);
    return;
  }
  local
    .stmt(
      `INSERT INTO sync_conflicts (id, version, tbl, row_id, col, scope_path, loser_value, loser_hlc, loser_device, loser_user,
         winner_value, winner_hlc, winner_device, winner_user)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, scope_path = excluded.scope_path,
         winner_value = excluded.winner_value, winner_hlc = excluded.winner_hlc, winner_device = excluded.winner_device,
         winner_user = excluded.winner_user`,
    )
    .run(c.id, c.v, c.t, c.r, c.col, c.p, JSON.stringify(c.loser.value), c.loser.hlc, c.loser.device, c.loser.user,
      JSON.stringify(c.winner.value), c.winner.hlc, c.winner.device, c.winner.user);
}

/** Applies a pulled chunk and moves the cursor, atomically. */
export function applyChunk(raw: Database.Database, chunk: PullAnswer): ApplySummary {
  const local = Local.of(raw);
  const sum: ApplySummary = { rows: 0, cells: 0, dropped: 0, conflicts: 0, stashed: 0 };
  withoutCapture(raw, () =>
    raw.transaction(() => {
      clockOf(raw).observe(chunk.hqTime);
      // People arriving in bulk are indexed for search once, set-based, at the end of the chunk
      // (migration 2026_11_27_search_deferred) rather than one by one as each row lands.
      const defer = chunk.rows.length + chunk.drops.length >= BULK_ROWS;
      if (defer) local.stmt(`INSERT INTO people_search_defer (on_since) VALUES (?)`).run(String(chunk.cursor));
      const pending = new PendingIndex(local.pending());
      const stash = { some: (local.stmt(`SELECT EXISTS (SELECT 1 FROM sync_stash) AS x`).get() as { x: number }).x === 1 };
      for (const e of events(chunk)) {
        if (e.row) applyRow(local, pending, e.row, sum, stash);
        else if (e.drop) {
          if (local.hasTable(e.drop.t)) local.deleteRow(e.drop.t, e.drop.id);
          sum.dropped++;
        } else if (e.conflict) {
          applyConflict(local, e.conflict);
          sum.conflicts++;
        }
      }
      if (defer) local.stmt(`INSERT INTO people_search_flush (go) VALUES (1)`).run();
      setMetaRaw(raw, CURSOR_KEY, String(chunk.cursor));
      if (!chunk.more) setMetaRaw(raw, SINCE_KEY, String(chunk.cursor));
      persistClock(raw);
    })(),
  );
  return sum;
}
