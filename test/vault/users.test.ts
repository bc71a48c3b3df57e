// Several users of one device (a shared outlet PC): each signs in with their own PIN or passphrase,
// only the owner or a county organiser manages users (re-typing their own secret), wrong tries are
// counted per device across users, and every write records who was signed in — also when two users'
// calls run at the same time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { profileGate, type Gate } from '../../electron/browser/gate.js';
import { KEYWRAP_FILE } from '../../db/vault/keywrap.js';
import { decodeWriter } from '../../shared/history/writer.js';

const PASS = '县公司组织员的口令';
let dir: string;
let gate: Gate;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'rc-users-')), 'profile');
  gate = profileGate(dir, { sync: { intervalMs: 3_600_000, tickMs: 3_600_000 } });
});
afterEach(async () => {
  await gate.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

async function twoUsers() {
  const owner = await gate.signIn(PASS, { ownerName: '赵组织员' });
  const li = await gate.addUser(owner, PASS, { name: '李营业员', role: 'staff', secretKind: 'pin', secret: '582046' });
  const wang = await gate.addUser(owner, PASS, { name: '王店长', role: 'organiser', secretKind: 'pin', secret: '739105' });
  return { owner, li, wang };
}

it('each user signs in with their own PIN; the keywrap file holds no PIN and no key in plain', async () => {
  const { li, wang } = await twoUsers();
  expect(gate.status(undefined).users.map((u) => [u.name, u.role, u.secretKind])).toEqual([
    ['赵组织员', 'owner', 'passphrase'], ['李营业员', 'staff', 'pin'], ['王店长', 'organiser', 'pin'],
  ]);
  const sLi = await gate.signIn('582046', { userId: li.id });
  expect(gate.userFor(sLi)).toMatchObject({ name: '李营业员', role: 'staff' });
  await expect(gate.signIn('582046', { userId: wang.id })).rejects.toThrow(/Wrong passphrase/); // Li's PIN is not Wang's
  const sWang = await gate.signIn('739105', { userId: wang.id });
  expect(gate.userFor(sWang)).toMatchObject({ name: '王店长' });
  const info = await gate.backendFor(sWang)!.call('session.info', {}, gate.userFor(sWang));
  expect(info).toMatchObject({ ok: true, data: { signedInUser: { name: '王店长', role: 'organiser' } } });
  const file = readFileSync(join(dir, KEYWRAP_FILE), 'utf8');
  for (const secret of ['582046', '739105', PASS]) expect(file).not.toContain(secret);
});

it('refuses short PINs, duplicate names, and user management by staff or without the right own secret', async () => {
  const owner = await gate.signIn(PASS);
  await expect(gate.addUser(owner, PASS, { name: '短', role: 'staff', secretKind: 'pin', secret: '12345' })).rejects.toMatchObject({ messageZh: 'PIN 须为至少 6 位数字', messageEn: 'A PIN needs at least 6 digits' });
  await expect(gate.addUser(owner, PASS, { name: '字母', role: 'staff', secretKind: 'pin', secret: '12a456' })).rejects.toMatchObject({ code: 'validation' });
  const li = await gate.addUser(owner, PASS, { name: '李营业员', role: 'staff', secretKind: 'pin', secret: '582046' });
  await expect(gate.addUser(owner, PASS, { name: '李营业员', role: 'staff', secretKind: 'pin', secret: '111222' })).rejects.toMatchObject({ messageEn: expect.stringContaining('already has a user') });
  await expect(gate.addUser(owner, '不是我的口令口令', { name: '新人', role: 'staff', secretKind: 'pin', secret: '111222' })).rejects.toMatchObject({ messageEn: expect.stringContaining('Wrong passphrase') });
  const sLi = await gate.signIn('582046', { userId: li.id });
  await expect(gate.addUser(sLi, '582046', { name: '新人', role: 'staff', secretKind: 'pin', secret: '111222' })).rejects.toMatchObject({ code: 'forbidden', messageEn: expect.stringContaining('Only the device owner or a county organiser') });
  await expect(gate.removeUser(sLi, '582046', li.id)).rejects.toMatchObject({ code: 'forbidden' });
  expect(gate.status(undefined).users).toHaveLength(2);
  // The owner removes Li: Li's PIN no longer opens anything.
  await gate.removeUser(owner, PASS, li.id);
  await gate.signOut(sLi);
  await expect(gate.signIn('582046', { userId: li.id })).rejects.toThrow(/Wrong passphrase/);
});

it('counts wrong tries per device across users: cycling through users does not buy more tries, and a wait holds for every user', async () => {
  const { owner, li, wang } = await twoUsers();
  await gate.signOut(owner);
  const errors: string[] = [];
  for (let i = 0; i < 4; i++) {
    const who = i % 2 ? wang.id : li.id;
    errors.push(await gate.signIn('000000', { userId: who }).then(() => 'ok', (e: Error & { messageEn?: string }) => e.messageEn ?? e.message));
  }
  expect(errors[3]).toContain('6 more');
  // The fifth wrong try makes the next one wait — for every user, the right PIN included.
  await expect(gate.signIn('000000', { userId: li.id })).rejects.toThrow();
  await expect(gate.signIn('739105', { userId: wang.id })).rejects.toMatchObject({ messageEn: expect.stringMatching(/try again in \d+ s/) });
});

it('records who was signed in on every write, also when two users save at the same moment', async () => {
  const { li, wang } = await twoUsers();
  const sLi = await gate.signIn('582046', { userId: li.id });
  const sWang = await gate.signIn('739105', { userId: wang.id });
  const b = gate.backendFor(sLi)!;
  const [a, c] = await Promise.all([
    b.call('orgUnits.save', { code: 'hq', name: '陕西省公司', level: 'hq' }, gate.userFor(sLi)),
    b.call('orgUnits.save', { code: 'sx', name: '陕西省分公司', level: 'hq' }, gate.userFor(sWang)),
  ]);
  expect([a, c]).toMatchObject([{ ok: true }, { ok: true }]);
  const rows = b.profile.store.raw
    .prepare("SELECT o.name, h.writer FROM record_history h JOIN org_units o ON o.id = h.row_id WHERE h.tbl = 'org_units' AND h.op = 'insert'")
    .all() as { name: string; writer: string }[];
  const by = Object.fromEntries(rows.map((r) => [r.name, decodeWriter(r.writer)]));
  expect(by['陕西省公司']).toMatchObject({ name: '李营业员', userId: li.id });
  expect(by['陕西省分公司']).toMatchObject({ name: '王店长', userId: wang.id });
});
