// Dues amounts reveal income (DOMAIN.md Privacy): only the county organiser holds them — on screen,
// in exports and on the wire (HQ sends null to every other role, shared/sync/privacy.ts). Others
// see whether a month is paid, never how much. DOMAIN.md also names the member's branch secretary;
// the app has no role for a branch secretary yet, so none of its users gets that exception.
import type { Role } from '../domain/enums.js';

export const seesDuesAmounts = (role: Role): boolean => role === 'county_organiser';

/** Synced columns holding an amount: redacted to null for roles that may not see them. */
export const DUES_AMOUNT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  dues_bases: ['base_fen'],
  dues_payments: ['amount_fen'],
};
