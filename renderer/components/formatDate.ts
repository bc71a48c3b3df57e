// The one way the renderer writes a date or a time: days as YYYY-MM-DD and times as
// YYYY-MM-DD HH:mm, both in Beijing time (shared/core/dates.ts), whatever the computer's time zone.
// Stored timestamps are UTC ISO strings; shown raw they read "2026-12-03T23:30:00.000Z", which is
// already the 4th in Beijing.
import { beijingDayOf } from '../../shared/core/dates.js';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const CST_OFFSET_MS = 8 * 3_600_000;
const NONE = '—';

function valid(iso: string): boolean {
  return !Number.isNaN(new Date(iso).getTime());
}

/** A calendar day: a stored day as it is, a timestamp as its Beijing day; blank as "—". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return NONE;
  if (DAY_RE.test(iso)) return iso;
  return valid(iso) ? beijingDayOf(iso) : iso;
}

/** A moment to the minute in Beijing time; a bare day stays a day; blank as "—". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NONE;
  if (DAY_RE.test(iso) || !valid(iso)) return formatDay(iso);
  const t = new Date(new Date(iso).getTime() + CST_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
