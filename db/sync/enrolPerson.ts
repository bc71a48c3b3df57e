// The registry person a device's user is (named by the enrolment code, hq/auth.ts) and the dues
// amounts that follow from it: a branch secretary's device receives that branch's members' amounts
// (hq/duesReveal.ts). Whether the person is a secretary is read from the data, never stored, so it
// moves with the next sync both ways, and this file keeps the store in line after each pull:
// - lost (another secretary, the member left the branch): the amounts of those members are cleared
//   in the store itself — nothing sensitive stays for someone who may no longer see it. Cleared
//   without capture (a null is never a change to send; HQ refuses one anyway).
//   A relay answer (db/sync/relay/import.ts) clears too: no network is needed for that.
// - gained: the device holds those cells as null with the same stamps HQ holds, so a pull would
//   never bring them again (a cell is replaced only by a newer stamp). Their stamps are forgotten
//   and the two dues tables re-pulled from the start into a cursor of their own, as after an
//   upgrade (db/sync/backfill.ts): every other cell merges by its stamp and stays as it is. Only an
//   online sync fetches them; until then a relay answer brings the amounts of rows changed since.
import type Database from 'better-sqlite3';
import { pullAnswer } from '../../shared/sync/protocol.js';
import type { Role } from '../../shared/domain/enums.js';
import { DUES_AMOUNT_COLUMNS, seesDuesAmounts } from '../../shared/dues/privacy.js';
import { OWNER_ID } from '../vault/users.js';
import { signedInUser } from '../vault/signedIn.js';
import { applyChunks } from './apply.js';
import { suppressCapture } from './capture.js';
import type { HqClient } from './client.js';
import { getMetaRaw, setMetaRaw, whenIdle, type Device } from './state.js';

export const PERSON_KEY = 'person_id';
/** The device user who enrolled (db/vault/users.ts): only they see what the person may see. */
export const PERSON_USER_KEY = 'person_user';
/** The members whose amounts this store holds (JSON list), as of the last reconciliation. */
const HELD_KEY = 'dues_amounts_held';
const CURSOR = 'dues_amounts_cursor';

/** At enrolment (in its transaction): the person the code names, and who enrolled. */
export function recordPerson(raw: Database.Database, personId: string | undefined): void {
  setMetaRaw(raw, PERSON_KEY, personId ?? null);
  setMetaRaw(raw, PERSON_USER_KEY, personId ? (signedInUser()?.id ?? OWNER_ID) : null);
  setMetaRaw(raw, HELD_KEY, null);
}

/** The members of the branches whose secretary the person is, as this store holds them. */
export function membersOfSecretary(raw: Database.Database, personId: string): Set<string> {
  const rows = raw.prepare(`SELECT DISTINCT m.person_id FROM members m JOIN party_orgs o ON o.id = m.branch_id
    WHERE o.secretary_person_id = ? AND o.deleted = 0 AND m.deleted = 0`).all(personId) as { person_id: string }[];
  return new Set(rows.map((r) => r.person_id));
}

const TABLES = Object.keys(DUES_AMOUNT_COLUMNS);

/** The persons whose amount cells this store holds (not null). */
function amountHolders(raw: Database.Database): string[] {
  const parts = TABLES.flatMap((tbl) => DUES_AMOUNT_COLUMNS[tbl]!.map((col) => `SELECT person_id FROM ${tbl} WHERE ${col} IS NOT NULL`));
  return (raw.prepare(parts.join(' UNION ')).all() as { person_id: string }[]).map((r) => r.person_id);
}

function forEachAmountCell(raw: Database.Database, persons: string[], fn: (tbl: string, col: string, ids: string[]) => void): void {
  for (const tbl of TABLES)
    for (const col of DUES_AMOUNT_COLUMNS[tbl]!) {
      const ids: string[] = [];
      for (let i = 0; i < persons.length; i += 500) {
        const part = persons.slice(i, i + 500);
        ids.push(...(raw.prepare(`SELECT id FROM ${tbl} WHERE person_id IN (${part.map(() => '?').join(',')})`).all(...part) as { id: string }[]).map((r) => r.id));
      }
      if (ids.length) fn(tbl, col, ids);
    }
}

/** Clears the amounts of these members (no capture: nothing to send). */
function clearAmounts(raw: Database.Database, persons: string[]): void {
  suppressCapture(raw, () =>
    forEachAmountCell(raw, persons, (tbl, col, ids) => {
      const put = raw.prepare(`UPDATE ${tbl} SET ${col} = NULL WHERE id = ?`);
      for (const id of ids) put.run(id);
    }));
}

/** Forgets the stamps of these members' amount cells, so that the re-pull fills them. */
function forgetAmountStamps(raw: Database.Database, persons: string[]): void {
  forEachAmountCell(raw, persons, (tbl, col, ids) => {
    const put = raw.prepare(`INSERT INTO sync_cell_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, '') ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = ''`);
    for (const id of ids) put.run(tbl, id, col);
  });
}

export interface AmountsReport { cleared: number; gained: number; rows: number }

/**
 * The local half, in the caller's transaction: clears the amounts of members no longer the person's
 * and returns those gained (not fetched yet) with everyone the person now answers for.
 */
export function clearLostAmounts(raw: Database.Database): { cleared: number; gained: string[]; now: Set<string> } {
  const person = getMetaRaw(raw, PERSON_KEY);
  if (!person) return { cleared: 0, gained: [], now: new Set() };
  const now = membersOfSecretary(raw, person);
  const heldText = getMetaRaw(raw, HELD_KEY);
  // Right after enrolment everything counts as gained: however the first sync arrived (pull or a
  // cached snapshot), the amounts it may hold are fetched once from the rows themselves.
  const held = heldText === null ? new Set<string>() : new Set(JSON.parse(heldText) as string[]);
  // Everyone whose amounts the store holds, not only those recorded as fetched: a relay answer brings
  // the amounts of rows changed since, unrecorded. A role that sees every amount loses none.
  const lost = seesDuesAmounts(getMetaRaw(raw, 'role') as Role) ? [] : amountHolders(raw).filter((p) => !now.has(p));
  if (lost.length) clearAmounts(raw, lost);
  // Held from here on: the lost ones are cleared; the gained ones are recorded only once fetched.
  if ([...held].some((p) => !now.has(p))) setMetaRaw(raw, HELD_KEY, JSON.stringify([...held].filter((p) => now.has(p)).sort()));
  return { cleared: lost.length, gained: [...now].filter((p) => !held.has(p)), now };
}

/** After each pull of a device whose user is a person: clear what was lost, fetch what was gained. */
export async function reconcileDuesAmounts(dev: Device, c: HqClient, pullLimit?: number): Promise<AmountsReport> {
  const raw = dev.raw;
  if (!getMetaRaw(raw, PERSON_KEY)) return { cleared: 0, gained: 0, rows: 0 };
  await whenIdle(raw);
  const { cleared, gained, now } = raw.transaction(() => {
    const r = clearLostAmounts(raw);
    if (r.gained.length && !getMetaRaw(raw, CURSOR)) forgetAmountStamps(raw, r.gained);
    return r;
  })();
  let rows = 0;
  if (gained.length) {
    for (;;) {
      const cursor = Number(getMetaRaw(raw, CURSOR) ?? 0);
      const chunk = await c.post('/v1/pull', { cursor, since: 0, limit: pullLimit, tables: TABLES }, pullAnswer);
      await whenIdle(raw);
      rows += applyChunks(raw, [chunk], { cursorKey: CURSOR }).rows;
      if (!chunk.more) break;
    }
    raw.transaction(() => {
      setMetaRaw(raw, CURSOR, null);
      setMetaRaw(raw, HELD_KEY, JSON.stringify([...now].sort()));
    })();
  }
  return { cleared, gained: gained.length, rows };
}
