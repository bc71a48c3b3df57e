// Rewinding rows to an instant (db/history/asOf.ts): what a past period's board sees of a row.
import { describe, expect, it } from 'vitest';
import { endOfBeijingDay, hlcFloor, rewind, type Change, type Row } from '../../db/history/asOf.js';

let n = 0;
const at = (day: string) => `${hlcFloor(endOfBeijingDay(day) + 1000)}0000dev`;
const upd = (row: string, col: string, from: unknown, to: unknown, day: string): Change =>
  ({ id: ++n, row_id: row, op: 'update', col, old_value: JSON.stringify(from), new_value: JSON.stringify(to), hlc: at(day) });
const ins = (row: string, values: Record<string, unknown>, day: string): Change =>
  ({ id: ++n, row_id: row, op: 'insert', col: '', old_value: null, new_value: JSON.stringify(values), hlc: at(day) });
const del = (row: string, day: string): Change => ({ id: ++n, row_id: row, op: 'delete', col: '', old_value: null, new_value: null, hlc: at(day) });

type Outlet = Row & { county_id: string; coverage_org_id: string | null };
const o = (id: string, county: string, org: string | null, deleted = 0): Outlet => ({ id, county_id: county, coverage_org_id: org, deleted });

describe('rewinding rows to an instant', () => {
  it('gives each field the old value of its earliest change after the instant, whoever made it', () => {
    const changes = [upd('x', 'county_id', 'A', 'B', '2026-11-02'), upd('x', 'county_id', 'B', 'C', '2026-11-05'), upd('x', 'coverage_org_id', 'p1', null, '2026-11-06')];
    expect(rewind([o('x', 'C', null)], changes)).toEqual([o('x', 'A', 'p1')]);
  });

  it('drops a row created after the instant, even one changed since', () => {
    const changes = [ins('new', { id: 'new', county_id: 'A', coverage_org_id: null, deleted: 0 }, '2026-11-02'), upd('new', 'county_id', 'A', 'B', '2026-11-03')];
    expect(rewind([o('new', 'B', null), o('old', 'A', null)], changes)).toEqual([o('old', 'A', null)]);
  });

  it('brings back a row deleted after the instant, softly or outright', () => {
    const soft = [upd('s', 'deleted', 0, 1, '2026-11-03')];
    expect(rewind([o('s', 'A', 'p1', 1)], soft)).toEqual([o('s', 'A', 'p1', 0)]);
    const hard = [upd('h', 'county_id', 'A', 'B', '2026-11-02'), del('h', '2026-11-04')];
    // the row's last known state (from its history) is handed in as `gone`
    expect(rewind([], hard, new Map([['h', o('h', 'B', null, 1)]]))).toEqual([o('h', 'A', null, 0)]);
  });

  it('keeps today’s values for a row the changes do not name (no history)', () => {
    const today = [o('quiet', 'B', 'p2')];
    expect(rewind(today, [upd('x', 'county_id', 'A', 'B', '2026-11-02')])).toEqual(today);
  });

  it('keeps a null old value and leaves today’s rows untouched', () => {
    const today = [o('x', 'A', 'p2')];
    expect(rewind(today, [upd('x', 'coverage_org_id', null, 'p2', '2026-11-02')])).toEqual([o('x', 'A', null)]);
    expect(today[0]!.coverage_org_id).toBe('p2');
  });

  it('counts the whole Beijing day as before its end', () => {
    expect(new Date(endOfBeijingDay('2026-10-31')).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(() => endOfBeijingDay('2026-13-45')).toThrow();
  });
});
