// "Today" for every rule and record: the calendar day in Beijing. The whole country keeps
// China Standard Time (UTC+8, no daylight saving), so a meeting held at 07:00 in Xi'an on the
// 1st is on the 1st, although it is still the 30th in UTC. Timestamps stay in UTC (ISO 8601).
const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Beijing at the instant `now`. */
export function todayInBeijing(now: Date = new Date()): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing calendar day of an ISO timestamp (e.g. a row's updated_at). */
export function beijingDayOf(isoTimestamp: string): string {
  return todayInBeijing(new Date(isoTimestamp));
}
