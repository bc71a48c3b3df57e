// The history table rebuilt for a partial index on hq_seq (db/migrations/2026_12_06_zzz_history_seq.ts)
// on a store that was in use: its capture triggers were installed, they keep recording into the new
// table, nothing recorded before is lost, an entry from HQ is still kept once, and a local change
// no longer has an entry in the hq_seq index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storePulled } from '../../db/history/pull.js';
import { migrations } from '../../db/migrations/index.js';
import { openStore } from '../../db/open.js';
import { uuidv7 } from '../../shared/core/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'rc-hseq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = Object.keys(migrations).sort();
const before = names[names.indexOf('2026_12_06_zzz_history_seq') - 1]!;
const rename = (raw: import('better-sqlite3').Database, id: string, name: string) => raw.prepare(`UPDATE outlets SET name = ? WHERE id = ?`).run(name, id);

describe('history table rebuilt for a partial hq_seq index', () => {
  it('keeps every entry and the triggers recording, on a store in use', async () => {
    const file = join(dir, 'store.sqlite');
    const id = uuidv7();
    let s = await openStore(file, { schemaUpTo: before });
    s.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, 'B1', '甲', 'rural', 'x', '/hq/c/', 't', 't')`).run(id);
    rename(s.raw, id, '乙');
    storePulled(s.raw, 'me', { entries: [{ seq: 5, t: 'outlets', r: id, p: '/hq/c/', op: 'update', c: 'code', o: '"B0"', n: '"B1"', w: null, d: 'other', h: '0190a0000005-0000-d002', at: 't' }], cursor: 5, more: false, hqTime: 0 });
    const was = s.raw.prepare(`SELECT * FROM record_history ORDER BY id`).all();
    expect(was).toHaveLength(3);
    await s.close();

    s = await openStore(file);
    try {
      expect(s.raw.prepare(`SELECT * FROM record_history ORDER BY id`).all()).toEqual(was);
      rename(s.raw, id, '丙');
      const last = s.raw.prepare(`SELECT col, old_value, new_value, source FROM record_history ORDER BY id DESC LIMIT 1`).get();
      expect(last).toEqual({ col: 'name', old_value: '"乙"', new_value: '"丙"', source: 'app' });
      // HQ's entry again: kept once.
      storePulled(s.raw, 'me', { entries: [{ seq: 5, t: 'outlets', r: id, p: '/hq/c/', op: 'update', c: 'code', o: '"B0"', n: '"B1"', w: null, d: 'other', h: '0190a0000005-0000-d002', at: 't' }], cursor: 5, more: false, hqTime: 0 });
      expect((s.raw.prepare(`SELECT count(*) AS n FROM record_history WHERE hq_seq = 5`).get() as { n: number }).n).toBe(1);
      // Local changes are not in the hq_seq index; the old column constraint's index is gone.
      const idx = s.raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record_history' ORDER BY name`).all() as { name: string; sql: string | null }[];
      expect(idx.map((i) => i.name)).toEqual(['record_history_hq_seq', 'record_history_row', 'record_history_tbl_hlc']);
      expect(idx[0]!.sql).toContain('WHERE hq_seq IS NOT NULL');
      expect(s.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await s.close();
    }
  });
});
