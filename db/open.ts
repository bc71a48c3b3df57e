import type Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';
import { installCapture } from './sync/capture.js';
import { registerSyncFunctions, startSyncClock } from './sync/state.js';
import { ApiError } from '../shared/core/errors.js';
import { KeptStatements } from '../shared/node/keptStatements.js';
import { uuidv7 } from '../shared/core/ids.js';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another ABI (Electron); Node's own build otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
  /** The store's 32-byte key (db/vault/): the file is encrypted with it. */
  key?: Buffer;
  /** The page cipher the key is used with (recorded beside the wrapped key); chacha20 when absent. */
  cipher?: StoreCipher;
  /** Migrate only up to this migration: the schema an older app version had (mixed-version sync tests). */
  schemaUpTo?: string;
}

/**
 * SQLite3MC's page schemes worth having (bench/encryption.bench.ts measures them side by side):
 * chacha20-poly1305 and AEGIS authenticate every page; aes256cbc does not; `sqlcipher` (v4) is
 * AES-256-CBC with an HMAC-SHA512 per page.
 */
export const STORE_CIPHERS = {
  chacha20: ["cipher = 'chacha20'"],
  aes256cbc: ["cipher = 'aes256cbc'"],
  sqlcipher: ["cipher = 'sqlcipher'", 'legacy = 4', 'legacy_page_size = 16384'],
  aegis: ["cipher = 'aegis'"],
} as const;
export type StoreCipher = keyof typeof STORE_CIPHERS;

export interface Store {
  db: Kysely<DB>;
  raw: Database.Database;
  file: string;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function openRaw(file: string, opts: OpenOptions = {}): Database.Database {
  // The cipher build has better-sqlite3's API; typed as better-sqlite3 so the rest of db/ is unchanged.
  const raw = new CipherDatabase(file, {
    readonly: !!opts.readonly,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  }) as unknown as Database.Database;
  try {
    if (opts.key) applyKey(raw, opts.key, 'key', opts.cipher);
    // The first read of an encrypted file without (or with the wrong) key fails here, not mid-query.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    raw.close();
    throw unreadable(e);
  }
  // Takes effect only when the file is new (a store keeps its page size). 16 KiB pages: a first
  // sync writes tens of MB at once, and a quarter of the pages means a quarter of the writes at
  // commit (~40 ms instead of ~60 ms for 10 counties); reads of the lists are as fast.
  if (!opts.readonly) raw.pragma('page_size = 16384');
  if (!opts.readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // FULL: a save the app has reported is on disk. NORMAL in WAL mode keeps commits through a crash
  // of the app but not of the machine: an instructor's laptop whose battery dies would lose its last
  // saves, silently. The cost is one fsync per save: outlets.save through the API, p50 0.83–0.86 ms
  // with NORMAL, 1.19–1.21 ms with FULL (this machine, 600 saves, two runs each).
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  // Province-sized stores (100k people) search and list 2–3× faster with a warm page cache.
  raw.pragma('cache_size = -65536');
  raw.pragma('mmap_size = 268435456');
  registerSyncFunctions(raw); // the capture triggers call these (db/sync)
  return raw;
}

/** A raw 256-bit key: no passphrase derivation inside SQLite (the wrap in db/vault/ did that). */
export function applyKey(raw: Database.Database, key: Buffer, pragma: 'key' | 'rekey' = 'key', cipher: StoreCipher = 'chacha20'): void {
  if (key.length !== 32) throw new Error('store key must be 32 bytes');
  for (const p of STORE_CIPHERS[cipher]) raw.pragma(p);
  raw.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

function unreadable(e: unknown): unknown {
  if ((e as { code?: string }).code !== 'SQLITE_NOTADB') return e;
  return new ApiError(
    'forbidden',
    '无法打开本机数据：密钥或口令不正确，或数据文件已损坏',
    'Cannot open the local store: the key or passphrase is wrong, or the file is damaged',
  );
}

/** Runs the dated migrations (db/migrations/) up to `upTo` or the latest; works on a store of any schema version. */
export async function migrate<T>(db: Kysely<T>, upTo?: string): Promise<string[]> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens (creating if needed) a device store and brings its schema up to date. */
export async function openStore(file: string, opts: OpenOptions = {}): Promise<Store> {
  const raw = openRaw(file, opts);
  // Statements prepared once per connection, not per call (shared/node/keptStatements.ts).
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new KeptStatements(raw).database() }) });
  await migrate(db, opts.schemaUpTo);
  if (!opts.readonly) {
    installCapture(raw);
    startSyncClock(raw, uuidv7);
  }
  return {
    db,
    raw,
    file,
    close: async () => {
      await db.destroy();
    },
  };
}
