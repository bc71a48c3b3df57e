// The one date format of the renderer: Beijing days and minutes, never a raw ISO timestamp, and the
// same answer whatever time zone the computer is set to.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../renderer/components/formatDate';

describe('formatDay / formatDateTime', () => {
  it('writes a UTC timestamp late in the evening as the next day in Beijing', () => {
    expect(formatDay('2026-12-03T23:30:00Z')).toBe('2026-12-04');
    expect(formatDay('2026-12-03T23:30:00.000Z')).toBe('2026-12-04');
    expect(formatDateTime('2026-12-03T23:30:00.000Z')).toBe('2026-12-04 07:30');
  });

  it('keeps the day of a timestamp before 16:00 UTC, and writes minutes with two digits', () => {
    expect(formatDay('2026-12-03T15:59:59.999Z')).toBe('2026-12-03');
    expect(formatDateTime('2026-12-03T06:05:09.000Z')).toBe('2026-12-03 14:05');
    expect(formatDateTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
  });

  it('leaves a stored calendar day as it is (no shift by a time zone)', () => {
    expect(formatDay('2026-12-03')).toBe('2026-12-03');
    expect(formatDateTime('2026-12-03')).toBe('2026-12-03');
  });

  it('writes nothing as a dash, and a text that is no date unchanged', () => {
    expect([formatDay(null), formatDay(undefined), formatDay(''), formatDateTime(null)]).toEqual(['—', '—', '—', '—']);
    expect(formatDay('不详')).toBe('不详');
  });

  it('does not depend on the time zone of the computer', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = zone;
        expect(formatDateTime('2026-12-03T23:30:00.000Z')).toBe('2026-12-04 07:30');
      }
    } finally {
      process.env.TZ = tz;
    }
  });
});
