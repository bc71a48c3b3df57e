// The hash chain over HQ's history: entry n's hash = SHA-256(hash of n−1 ‖ "\n" ‖ canonical(n)),
// the first entry chained to GENESIS. Changing, removing or inserting any entry breaks every
// later link, so a verifier walking from the start finds the first entry that does not fit.
import { hash } from 'node:crypto';
import { num } from '../store.js';
import type { HqHistoryTable } from './table.js';

export const GENESIS = '0'.repeat(64);

export type ChainFields = Omit<HqHistoryTable, 'prev_hash' | 'hash'>;

/** Every field, in a fixed order, as JSON: the same bytes on SQLite and PostgreSQL. */
export function canonical(e: ChainFields): string {
  return JSON.stringify([num(e.seq), e.tbl, e.row_id, e.scope_path, e.op, e.col, e.old_value, e.new_value, e.writer, e.device_id, e.hlc, e.at, e.source]);
}

export const linkHash = (prev: string, e: ChainFields): string => hash('sha256', `${prev}\n${canonical(e)}`, 'hex');

export interface Broken {
  seq: number;
  reason: 'altered' | 'unlinked' | 'missing';
  zh: string;
  en: string;
}

/** Checks one entry against the hash of the one before it (and the number it should carry). */
export function checkLink(prevHash: string, expectSeq: number, e: HqHistoryTable): Broken | null {
  const seq = num(e.seq);
  if (seq !== expectSeq)
    return { seq, reason: 'missing', zh: `第 ${expectSeq} 条修改记录缺失（下一条为第 ${seq} 条）`, en: `History entry ${expectSeq} is missing (next is ${seq})` };
  if (e.prev_hash !== prevHash)
    return { seq, reason: 'unlinked', zh: `第 ${seq} 条修改记录与前一条的链接不符（前一条被改动或删除）`, en: `History entry ${seq} does not link to the entry before it (that one was altered or removed)` };
  if (linkHash(prevHash, e) !== e.hash)
    return { seq, reason: 'altered', zh: `第 ${seq} 条修改记录的内容已被改动（${e.tbl}/${e.row_id} ${e.col || '整条'}）`, en: `History entry ${seq} was altered (${e.tbl}/${e.row_id} ${e.col || 'whole row'})` };
  return null;
}
