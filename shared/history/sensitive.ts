// Sensitive values in history (DOMAIN.md, Privacy). History keeps every value a field ever had,
// so it must not become a side door: citizen ids and phones appear in their masked form (as on
// the detail screen and on the wire for roles that may not see them), and GPS positions and dues
// amounts (they reveal income) are hidden from roles that may not see full personal data.
import type { Role } from '../domain/enums.js';
import { PRIVATE_COLUMNS, privateRowColumns, REDACTED_COLUMNS, seesFullValues } from '../sync/privacy.js';
import { DUES_AMOUNT_COLUMNS } from '../dues/privacy.js';

/** Shown instead of a value the viewer may not see at all. */
export const HIDDEN = '＊＊＊';

/** Beyond ids and phones: columns hidden in history from roles that do not see full personal data. */
export const HIDDEN_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  outlets: ['lat', 'lng'],
  ...DUES_AMOUNT_COLUMNS,
  // the private part of a three-list item opened from a negative outcome (who, which grade, rank)
  ...PRIVATE_COLUMNS,
};

export const isSensitive = (tbl: string, col: string): boolean =>
  REDACTED_COLUMNS[tbl]?.[col] !== undefined || (HIDDEN_COLUMNS[tbl]?.includes(col) ?? false);

/**
 * A value of history as `role` may see it. `full`: the viewer asked for full values and the role
 * allows them (an HQ export by an operator); otherwise ids and phones are always masked.
 */
export function maskValue(role: Role | 'operator', tbl: string, col: string, value: unknown, full = false): { value: unknown; masked: boolean } {
  if (value === null || value === undefined) return { value: null, masked: false };
  const mayFull = role === 'operator' || seesFullValues(role);
  const mask = REDACTED_COLUMNS[tbl]?.[col];
  if (mask) {
    if (full && mayFull) return { value, masked: false };
    return { value: typeof value === 'string' ? mask(value) : HIDDEN, masked: true };
  }
  if (HIDDEN_COLUMNS[tbl]?.includes(col) && !mayFull) return { value: HIDDEN, masked: true };
  return { value, masked: false };
}

/** A whole created row (one JSON object of its columns), each sensitive column masked. */
export function maskRow(role: Role | 'operator', tbl: string, row: Record<string, unknown>, full = false): { value: Record<string, unknown>; masked: boolean } {
  let masked = false;
  const out: Record<string, unknown> = {};
  const hidden = role === 'operator' ? [] : privateRowColumns(role, tbl, row.source);
  for (const [c, v] of Object.entries(row)) {
    const m = hidden.includes(c) && v !== null && v !== undefined ? { value: HIDDEN, masked: true } : maskValue(role, tbl, c, v, full);
    out[c] = m.value;
    masked ||= m.masked;
  }
  return { value: out, masked };
}
