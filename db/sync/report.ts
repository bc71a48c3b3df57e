// What a device tells HQ about itself in every hello, for the HQ console's device table: how many
// changes wait to be sent, since when, and what went wrong in its last session. The error is kept in
// meta because the session that failed could not tell HQ; the next hello that reaches HQ does.
import type Database from 'better-sqlite3';
import type { HelloReport } from '../../shared/sync/protocol.js';
import { waitingChanges } from './outbox.js';
import { getMetaRaw, setMetaRaw } from './state.js';

const LAST_ERROR = 'sync_last_error';

export function helloReport(raw: Database.Database): HelloReport {
  const w = waitingChanges(raw);
  const stored = getMetaRaw(raw, LAST_ERROR);
  return {
    waiting: w.count,
    oldestUnsentAt: w.oldestAt,
    lastError: stored ? (JSON.parse(stored) as HelloReport['lastError']) : null,
  };
}

/** A failed session's reason (both languages, cut to what the hello carries); null after a session that succeeded. */
export function noteSessionError(raw: Database.Database, e: { zh: string; en: string } | null): void {
  if (raw.inTransaction) return; // never inside another's write; the next session notes it
  setMetaRaw(raw, LAST_ERROR, e ? JSON.stringify({ zh: e.zh.slice(0, 500), en: e.en.slice(0, 500), at: new Date().toISOString() }) : null);
}
