// Walks HQ's history chain from the first entry and reports the first one that does not fit
// (altered, unlinked or missing). Reads in pages so a province's history fits in memory.
import type { HqStore } from '../store.js';
import { num } from '../store.js';
import { checkLink, GENESIS, linkHash, type Broken } from './chain.js';
import { historyDb } from './table.js';

const PAGE = 5000;

export async function verifyChain(store: HqStore): Promise<{ checked: number; broken: Broken | null }> {
  const db = historyDb(store.db);
  let prev = GENESIS;
  let expect = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('hq_history').selectAll().where('seq', '>=', expect).orderBy('seq').limit(PAGE).execute();
    for (const r of rows) {
      const broken = checkLink(prev, expect, r);
      if (broken) return { checked, broken };
      prev = linkHash(prev, r); // recomputed, not the stored hash: an entry re-hashed after an edit still shows
      expect = num(r.seq) + 1;
      checked++;
    }
    if (rows.length < PAGE) return { checked, broken: null };
  }
}
