// Dues amounts reveal income (DOMAIN.md Privacy): only the county organiser and the member's branch
// secretary hold them — on screen, in exports and on the wire. By role, only the county organiser
// (HQ sends null to every other role, shared/sync/privacy.ts); the secretary is a device user whose
// enrolment code named their registry person, and gets their branch's members' amounts while the
// data records them as its secretary (HQ: hq/duesReveal.ts; device: db/sync/enrolPerson.ts and
// db/dues/visibility.ts). Others see whether a month is paid, never how much.
import type { Role } from '../domain/enums.js';

export const seesDuesAmounts = (role: Role): boolean => role === 'county_organiser';

/** Synced columns holding an amount: redacted to null for roles that may not see them. */
export const DUES_AMOUNT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  dues_bases: ['base_fen'],
  dues_payments: ['amount_fen'],
};
