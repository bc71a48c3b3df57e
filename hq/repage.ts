// `npm run hq -- repage [--db hq.sqlite]`, with every HQ process on the file stopped. An HQ file made
// before HQ chose 16 KiB pages (hq/store.ts) keeps its 4 KiB ones: SQLite changes a file's page size
// only by rewriting it whole (VACUUM), and only outside WAL mode. This does both, then puts the file
// back in WAL mode. Leaving WAL mode needs the only connection to the file: with an HQ process still on
// it the switch does not happen, and this stops there having changed nothing. VACUUM needs free disk
// space up to twice the file's size, and takes a while on a province's file (it says how long it took).
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { HQ_PAGE_BYTES, isPostgresUrl } from './store.js';

export interface Repaged {
  /** Page size before and after, in bytes. */
  from: number;
  to: number;
  /** The file's size before and after, in bytes. */
  bytesBefore: number;
  bytesAfter: number;
  seconds: number;
}

export class RepageRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Rewrites `file` with HQ's page size; a file that has it already is left alone. */
export function repage(file: string): Repaged {
  const started = performance.now();
  const bytesBefore = statSync(file).size;
  const raw = new Database(file, { fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 2000');
    const from = raw.pragma('page_size', { simple: true }) as number;
    const done = () => ({ from, to: raw.pragma('page_size', { simple: true }) as number, bytesBefore, bytesAfter: statSync(file).size, seconds: (performance.now() - started) / 1000 });
    if (from === HQ_PAGE_BYTES) return done();
    // Another connection on the file: SQLite says the database is locked, or answers with the mode it kept.
    let mode = 'wal';
    try {
      mode = String(raw.pragma('journal_mode = DELETE', { simple: true }));
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    }
    if (mode !== 'delete')
      throw new RepageRefused('数据库仍在被其他进程使用（总部服务是否仍在运行？）。请先停止所有总部进程再执行 repage，文件未作任何改动', 'The database is still open in another process (is HQ still running?). Stop every HQ process first; the file was not changed');
    raw.pragma(`page_size = ${HQ_PAGE_BYTES}`);
    raw.exec('VACUUM');
    raw.pragma('journal_mode = WAL');
    return done();
  } finally {
    raw.close();
  }
}

/** The command: returns the process exit code. */
export function repageCli(args: string[], print: (s: string) => void = console.log, warn: (s: string) => void = console.error): number {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, pg: { type: 'string' } } });
  const target = values.pg ?? values.db ?? process.env.RC_HQ_DB ?? 'hq.sqlite';
  if (isPostgresUrl(target)) {
    warn('repage 只用于 SQLite 文件；PostgreSQL 的页大小由服务器决定 · repage is for SQLite files; PostgreSQL sets its own page size');
    return 2;
  }
  try {
    const r = repage(target);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    if (r.from === r.to) print(`页大小已是 ${r.to / 1024} KiB，未作改动 · pages are ${r.to / 1024} KiB already; nothing changed`);
    else print(`页大小 ${r.from / 1024} KiB → ${r.to / 1024} KiB，文件 ${mb(r.bytesBefore)} MB → ${mb(r.bytesAfter)} MB，用时 ${r.seconds.toFixed(1)} 秒 · pages ${r.from / 1024} → ${r.to / 1024} KiB, file ${mb(r.bytesBefore)} → ${mb(r.bytesAfter)} MB in ${r.seconds.toFixed(1)} s`);
    return 0;
  } catch (e) {
    if (e instanceof RepageRefused) warn(`${e.zh}\n${e.en}`);
    else warn(`repage 失败，数据未作改动 · repage failed, no data was changed: ${(e as Error).message}`);
    return 1;
  }
}
