// Representative rows in every HQ table, as the HQ before migrations wrote them (one active county
// organiser who synced, an instructor who never pulled, a revoked device; rows, a move, a conflict,
// a tombstone, a purged id, a stored file and a half-uploaded one, relay keys, codes, log), and a
// dump of every table to compare before and after an upgrade.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { uuidv7 } from '../../shared/core/ids.js';
import { newRelayKeyPair } from '../../shared/node/relayCrypto.js';
import { encodeHlc } from '../../shared/sync/hlc.js';
import type { HqDB } from '../../hq/schema.js';
import type { HqStore } from '../../hq/store.js';

export const HQ_TABLES = [
  'hq_meta', 'hq_counter', 'hq_enrol_codes', 'hq_devices', 'hq_rows', 'hq_writes', 'hq_cell_history', 'hq_moves', 'hq_conflicts',
  'hq_restamps', 'hq_nonces', 'hq_log', 'hq_enrol_failures', 'hq_blobs', 'hq_blob_parts', 'hq_device_keys', 'hq_purged',
] as const satisfies readonly (keyof HqDB)[];

export interface LegacyFacts {
  device: { id: string; secret: string; userName: string; publicKey: string };
  /** An enrolment code made before the upgrade and not used yet. */
  unusedCode: string;
  hqPublicKey: string;
  outlet: { id: string; name: string };
  conflictId: string;
  attachmentId: string;
  file: { sha256: string; bytes: Buffer };
  /** A file the device had sent 4 of 10 bytes of. */
  partial: { sha256: string; have: number };
  purgedId: string;
  /** The device's second write, as it sent it: re-sent, it gets its stored answer. */
  write2: { s: number; t: string; r: string; h: string; p: string; c: Record<string, unknown> };
  head: number;
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const DAY = 86_400_000;

export async function fillLegacy(store: HqStore): Promise<LegacyFacts> {
  const db = store.db;
  const t0 = Date.now() - 60 * DAY; // two months of use before the upgrade
  const iso = (ms: number) => new Date(ms).toISOString();
  const a = { id: uuidv7(), secret: randomBytes(32).toString('base64url'), userName: '县组织员甲', publicKey: newRelayKeyPair().publicKey };
  const b = uuidv7();
  const c = uuidv7();
  const hlc = (ms: number, node: string) => encodeHlc({ ms, counter: 0, node });
  const hq = newRelayKeyPair();
  const unusedCode = 'ABCD-EFGH-JKLM';
  const outlet = { id: uuidv7(), name: '临潼红星网点' };
  const [o2, attachmentId, settingId, purgedId, conflictId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const bytes = Buffer.from('照片'.repeat(50));
  const partialHash = sha('another photo, half sent');
  const h1 = hlc(t0 + DAY, a.id);
  const h2 = hlc(t0 + 2 * DAY, a.id);
  const hb = hlc(t0 + 2 * DAY - 1000, b); // the instructor's concurrent edit, which lost
  const lt = '/hq/xa/xa-lintong/';

  await db.insertInto('hq_meta').values({ key: 'relay_key', value: JSON.stringify(hq) }).execute();
  await db.updateTable('hq_counter').set({ version: 6 }).where('id', '=', 1).execute();
  await db.insertInto('hq_enrol_codes').values([
    { code_hash: sha('USEDCODEUSED'), user_name: a.userName, role: 'county_organiser', scope_path: '/hq/xa/', created_at: iso(t0), expires_at: t0 + 7 * DAY, used_at: iso(t0 + 1000), used_by: a.id },
    { code_hash: sha(unusedCode.replace(/-/g, '')), user_name: '新指导员', role: 'instructor', scope_path: lt, created_at: iso(Date.now()), expires_at: Date.now() + 7 * DAY, used_at: null, used_by: null },
  ]).execute();
  const device = (id: string, userName: string, role: 'county_organiser' | 'instructor', scope: string) => ({
    device_id: id, secret_hash: sha(randomBytes(8).toString('hex')), user_name: userName, role, scope_path: scope, name: null, app_version: '0.1.0',
    enrolled_at: iso(t0), revoked_at: null, last_seen_at: null, last_seq: 0, acked_version: null, last_pull_at: null, first_pull_version: null,
  });
  await db.insertInto('hq_devices').values([
    { ...device(a.id, a.userName, 'county_organiser', '/hq/xa/'), secret_hash: sha(a.secret), name: '甲的笔记本', last_seen_at: iso(t0 + 3 * DAY), last_seq: 2, acked_version: 6, last_pull_at: iso(t0 + 3 * DAY), first_pull_version: 0 },
    device(b, '指导员乙', 'instructor', lt),
    { ...device(c, '丢失的设备', 'instructor', lt), revoked_at: iso(t0 + 5 * DAY) },
  ]).execute();
  const cells = (o: Record<string, unknown>, h: string, v: number) => JSON.stringify(Object.fromEntries(Object.entries(o).map(([k, x]) => [k, [x, h, v, '']])));
  await db.insertInto('hq_rows').values([
    { tbl: 'outlets', row_id: outlet.id, scope_path: lt, cells: cells({ name: outlet.name, code: 'LT001', scope_path: lt, deleted: 0 }, h2, 2), version: 2, scope_version: 2 },
    { tbl: 'settings', row_id: settingId, scope_path: '/', cells: cells({ key: 'warnings.attendance.green', value_json: '0.9', scope_path: '/', deleted: 0 }, hlc(t0, 'hq'), 4), version: 4, scope_version: 4 },
    { tbl: 'outlets', row_id: o2, scope_path: lt, cells: cells({ name: '已撤销网点', scope_path: lt, deleted: 1 }, h1, 5), version: 5, scope_version: 5 },
    { tbl: 'attachments', row_id: attachmentId, scope_path: lt, cells: cells({ sha256: sha(bytes), thumb_sha256: partialHash, scope_path: lt, deleted: 0 }, h1, 6), version: 6, scope_version: 6 },
  ]).execute();
  const write2 = { s: 2, t: 'outlets', r: outlet.id, h: h2, p: lt, c: { name: outlet.name } };
  await db.insertInto('hq_writes').values([
    { device_id: a.id, seq: 1, tbl: 'attachments', row_id: attachmentId, hlc: h1, answer: JSON.stringify({ res: { sha256: 'a' } }), received_at: iso(t0 + DAY) },
    { device_id: a.id, seq: 2, tbl: 'outlets', row_id: outlet.id, hlc: h2, answer: JSON.stringify({ res: { name: 'a' } }), received_at: iso(t0 + 2 * DAY) },
  ]).execute();
  await db.insertInto('hq_cell_history').values({ tbl: 'outlets', row_id: outlet.id, col: 'name', hlc: hb, base: '', value: JSON.stringify('红星网点（旧名）') }).execute();
  await db.insertInto('hq_moves').values({ version: 1, tbl: 'outlets', row_id: outlet.id, old_scope: '/hq/xb/', new_scope: lt }).execute();
  await db.insertInto('hq_conflicts').values({
    id: conflictId, tbl: 'outlets', row_id: outlet.id, col: 'name', scope_path: lt, loser_hlc: hb, loser_value: JSON.stringify('红星网点（旧名）'),
    loser_user: '指导员乙', winner_hlc: h2, winner_value: JSON.stringify(outlet.name), winner_user: a.userName, version: 3, deleted: 0,
  }).execute();
  await db.insertInto('hq_restamps').values({ device_id: a.id, orig_hlc: hlc(t0 + 400 * DAY, a.id), new_hlc: h1, tbl: 'attachments', row_id: attachmentId, at: iso(t0 + DAY) }).execute();
  await db.insertInto('hq_nonces').values({ device_id: a.id, nonce: randomBytes(16).toString('base64url'), at: Date.now() - 60_000 }).execute();
  await db.insertInto('hq_log').values({ id: uuidv7(), at: iso(t0 + 5 * DAY), kind: 'revoke', device_id: c, detail: '{}' }).execute();
  await db.insertInto('hq_enrol_failures').values({ ip: '10.20.30.40', at: Date.now() - 60_000 }).execute();
  await db.insertInto('hq_blobs').values({ sha256: sha(bytes), size: bytes.length, data: bytes, created_at: iso(t0 + DAY) }).execute();
  await db.insertInto('hq_blob_parts').values({ sha256: partialHash, device_id: a.id, pos: 0, len: 4, size: 10, data: Buffer.from('half'), at: Date.now() - 60_000 }).execute();
  await db.insertInto('hq_device_keys').values({ device_id: a.id, public_key: a.publicKey, at: iso(t0) }).execute();
  await db.insertInto('hq_purged').values({ tbl: 'outlets', row_id: purgedId, version: 4, purged_at: iso(t0 + 40 * DAY) }).execute();
  return {
    device: a, unusedCode, hqPublicKey: hq.publicKey, outlet, conflictId, attachmentId, file: { sha256: sha(bytes), bytes },
    partial: { sha256: partialHash, have: 4 }, purgedId, write2, head: 6,
  };
}

/** Every row of every HQ table, in a fixed order: equal dumps mean nothing was lost or changed. */
/** Columns later migrations add to legacy tables, empty on every row they find (2026_12_07_dues_secretary, 2026_12_08_row_stamps, 2026_12_09_history_head): left out of a dump. */
const ADDED_LATER: Record<string, string[]> = { hq_enrol_codes: ['person_id'], hq_devices: ['person_id'], hq_rows: ['stamps'], hq_counter: ['history_seq', 'history_hash'] };

export async function dumpHq(store: HqStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of HQ_TABLES) {
    const r = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(store.db);
    for (const row of r.rows) for (const c of ADDED_LATER[t] ?? []) if (row[c] === null) delete row[c];
    out[t] = r.rows.map((row) => JSON.stringify(row)).sort(); // BLOB/BYTEA come back as Buffers, whose JSON holds every byte
  }
  return out;
}
