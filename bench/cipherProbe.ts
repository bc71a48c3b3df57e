// One-off probe (H15b): cold first member page and a raw captured UPDATE on the 100-county store per
// SQLite3MC cipher scheme, each a copy re-keyed from the same plain file; interleaved rounds.
import { existsSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import type Database from 'better-sqlite3';
import { dispatch } from '../db/api/index.js';
import { openProfile } from '../db/profile.js';
import type { StoreCipher } from '../db/open.js';

const SRC = process.env.PROBE_SRC ?? '/tmp/h15b/synthetic-100-1/red-channel.db';
const OUT = process.env.PROBE_DIR ?? '/tmp/h15b/probe';
const KEY = Buffer.alloc(32, 7);
const SCHEMES: Record<string, readonly string[]> = {
  plain: [],
  chacha20: ["cipher = 'chacha20'"],
  aes256cbc: ["cipher = 'aes256cbc'"],
  sqlcipher_hmac: ["cipher = 'sqlcipher'", 'legacy = 4', 'legacy_page_size = 16384'],
  aegis: ["cipher = 'aegis'"],
};
const only = (process.env.SCHEMES ?? Object.keys(SCHEMES).join(',')).split(',');

function prep(name: string): string {
  const dir = join(OUT, name);
  const file = join(dir, 'red-channel.db');
  if (existsSync(file)) return dir;
  mkdirSync(dir, { recursive: true });
  const t = performance.now();
  const src = new CipherDatabase(SRC) as unknown as Database.Database;
  src.prepare('VACUUM INTO ?').run(file);
  src.close();
  if (SCHEMES[name]!.length) {
    const db = new CipherDatabase(file) as unknown as Database.Database;
    db.pragma('journal_mode = DELETE');
    for (const p of SCHEMES[name]!) db.pragma(p);
    db.pragma(`rekey = "x'${KEY.toString('hex')}'"`);
    db.close();
  }
  console.log(`prepared ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return dir;
}

const dirs = Object.fromEntries(only.map((n) => [n, prep(n)]));
const MEMBERS = { politicalStatus: ['full_member', 'probationary'], limit: 100 };
const res: Record<string, { open: number[]; first: number[]; upd: number[] }> = {};
for (let round = 0; round < Number(process.env.ROUNDS ?? 5); round++) {
  for (const n of round % 2 ? [...only].reverse() : only) {
    // openProfile without unlock opens as-is; the key is given through a patched open of the raw file.
    const t0 = performance.now();
    const p = await openProfile(dirs[n]!, SCHEMES[n]!.length ? { key: KEY, cipher: (n === 'sqlcipher_hmac' ? 'sqlcipher' : n) as StoreCipher } : {});
    const t1 = performance.now();
    const r = await dispatch(p.context(), 'people.list', MEMBERS);
    if (!r.ok) throw new Error(r.error.message);
    const t2 = performance.now();
    const ids = (p.store.raw.prepare('SELECT id FROM outlets LIMIT 300').all() as { id: string }[]).map((x) => x.id);
    const upd = p.store.raw.prepare('UPDATE outlets SET name = name || ? WHERE id = ?');
    const t3 = performance.now();
    for (let i = 0; i < 25; i++) upd.run('', ids[(round * 25 + i) % ids.length]);
    const t4 = performance.now();
    await p.store.close();
    (res[n] ??= { open: [], first: [], upd: [] });
    res[n].open.push(t1 - t0);
    res[n].first.push(t2 - t1);
    res[n].upd.push((t4 - t3) / 25);
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (const [n, r] of Object.entries(res)) console.log(`${n.padEnd(16)} open ${med(r.open).toFixed(1)} ms  first page ${med(r.first).toFixed(1)} ms  raw UPDATE ${med(r.upd).toFixed(3)} ms`);
if (process.env.CLEAN) rmSync(OUT, { recursive: true, force: true });
