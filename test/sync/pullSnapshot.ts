// A push that commits while a pull is being answered must not make the pulling device pass a row
// by: HQ reads the counter and the rows in one snapshot. Two HQ servers share one database (as two
// processes would); the push goes through the second and is made to land exactly between the
// pull's counter read and its row read on the first (a Kysely plugin holds the pull there). On
// PostgreSQL HQ reads both in one statement: the push lands right after it, before the moves and
// conflict records are read.
import { expect } from 'vitest';
import { type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { uuidv7 } from '../../shared/core/ids.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { setMetaRaw } from '../../db/sync/state.js';
import { enrolledDevice, snapshot, startTestHq } from './support.js';

class PauseAfterCounterRead implements KyselyPlugin {
  private counterReads = new WeakSet<object>();
  /** Runs once, after the next counter read (set just before the pull whose answer is to be raced). */
  armed: (() => Promise<unknown>) | null = null;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const n = args.node as { kind: string; sqlFragments?: readonly string[] };
    if (n.kind === 'RawNode' && /^SELECT (version|c\.version AS up_to, r\.\*) FROM hq_counter/.test(n.sqlFragments?.join('?') ?? '')) this.counterReads.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const run = this.armed;
    if (run && this.counterReads.has(args.queryId)) {
      this.armed = null;
      await run();
    }
    return args.result;
  }
}

export async function pullSnapshotScenario(pgBase?: string): Promise<void> {
  const pause = new PauseAfterCounterRead();
  const hq = await startTestHq(pgBase, (s: HqStore) => ({ ...s, db: s.db.withPlugin(pause) }));
  const a = await enrolledDevice(hq, { user: '县组织员甲', role: 'county_organiser', scope: '/hq/m/' });
  const b = await enrolledDevice(hq, { user: '县组织员乙', role: 'county_organiser', scope: '/hq/m/' });
  const second = await openHqStore(hq.target);
  const other = await startHq({ store: second });
  setMetaRaw(a.store.raw, 'sync_hq_url', other.url);
  try {
    const ids = [uuidv7(), uuidv7()];
    for (const [i, id] of ids.entries())
      a.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, '城关营业厅', 'rural', 'c', '/hq/m/', 't', 't')`).run(id, `P${i}`);
    await a.sync();
    a.store.raw.prepare(`UPDATE outlets SET name = '城关营业厅（改）' WHERE id = ?`).run(ids[0]);
    let racing: Promise<unknown> | undefined;
    await b.sync({
      fetch: (url, init) => {
        // Armed by B's first pull request (hello reads the counter too).
        if (url.endsWith('/v1/pull') && !racing) pause.armed = () => (racing = a.sync());
        return fetch(url, init);
      },
    });
    expect(racing).toBeDefined();
    await racing;
    await b.sync();
    expect(b.store.raw.prepare('SELECT tbl, row_id, error FROM sync_stash').all()).toEqual([]);
    expect(snapshot(b.store.raw, ['outlets'])).toEqual(snapshot(a.store.raw, ['outlets']));
    expect((b.store.raw.prepare('SELECT name FROM outlets WHERE id = ?').get(ids[0]) as { name: string }).name).toBe('城关营业厅（改）');
  } finally {
    await a.cleanup();
    await b.cleanup();
    await other.close();
    await second.close();
    await hq.close();
  }
}
