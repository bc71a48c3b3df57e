// What an unlocked profile sets up inside its encrypted store: the attachment files' key (kept in
// meta, so only the encrypted store holds it), files left in plain by an older version sealed, and
// the sign-in rules mirrored beside the wrapped key (they must apply before the store can be read).
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { SIGNIN_DEFAULTS, SIGNIN_SETTING_KEY, signInPolicySchema } from '../../shared/security/settings.js';
import { registerFileKey } from './fileCipher.js';
import { readWrap, writeWrap } from './keywrap.js';
import { sealPlainFiles } from './migrate.js';

const FILES_KEY = 'vault_files_key';

export function filesKeyOf(raw: Database.Database): Buffer {
  const row = raw.prepare('SELECT value FROM meta WHERE key = ?').get(FILES_KEY) as { value: string | null } | undefined;
  if (row?.value) return Buffer.from(row.value, 'hex');
  const key = randomBytes(32);
  raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(FILES_KEY, key.toString('hex'));
  return key;
}

function signInPolicy(raw: Database.Database) {
  const row = raw
    .prepare("SELECT value_json FROM settings WHERE key = ? AND deleted = 0 AND scope_path = '/' ORDER BY updated_at DESC LIMIT 1")
    .get(SIGNIN_SETTING_KEY) as { value_json: string } | undefined;
  const parsed = row ? signInPolicySchema.safeParse(JSON.parse(row.value_json)) : null;
  return parsed?.success ? parsed.data : SIGNIN_DEFAULTS;
}

/** Called once the encrypted store is open. */
export function setUpUnlockedProfile(raw: Database.Database): void {
  const dir = dirname(raw.name);
  const filesDir = join(dir, 'files');
  const key = filesKeyOf(raw);
  registerFileKey(filesDir, key);
  sealPlainFiles(filesDir, key);
  const w = readWrap(dir);
  const policy = signInPolicy(raw);
  if (w && JSON.stringify(w.policy) !== JSON.stringify(policy)) writeWrap(dir, { ...w, policy });
}
