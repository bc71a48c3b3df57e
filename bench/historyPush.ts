// What HQ's record history adds to a push: the whole push (applyPush, history included) against
// the history step alone (recordPushHistory on the same batch, rolled back), in one run on one
// SQLite HQ. Run: `npx tsx bench/historyPush.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '../shared/core/ids.js';
import { Hlc } from '../shared/sync/hlc.js';
import type { WireWrite } from '../shared/sync/protocol.js';
import { recordPushHistory } from '../hq/history/record.js';
import type { Actor, StoredAnswer } from '../hq/merge.js';
import { applyPush, HQ_NODE } from '../hq/push.js';
import { openHqStore } from '../hq/store.js';

const dir = mkdtempSync(join(tmpdir(), 'rc-hist-push-'));
const store = await openHqStore(join(dir, 'hq.sqlite'));
const clock = new Hlc(HQ_NODE);
const actor: Actor = { deviceId: HQ_NODE, userName: '总部', role: 'hq_admin', scopePath: '/' };
const ids = Array.from({ length: 500 }, () => uuidv7());
const batch = (i: number, create: boolean): WireWrite[] =>
  ids.map((id, k): WireWrite => ({
    s: k + 1, t: 'outlets', r: id, h: clock.tick(), p: '/hq/c/', w: { n: '刘组织员', r: 'county_organiser' },
    c: create ? ({ code: `B${k}`, name: `网点${k}`, channel_type: 'rural', county_id: 'x', scope_path: '/hq/c/', created_at: 't', updated_at: 't', deleted: 0 } as WireWrite['c']) : { name: `改${i}-${k}`, updated_at: String(i) },
  }));
const ms = (t: number) => `${t.toFixed(1)} ms`;
try {
  for (const [label, create] of [['500 new rows', true], ['500 updates of 1 field', false]] as const) {
    const whole: number[] = [];
    const hist: number[] = [];
    for (let r = 0; r < (create ? 1 : 8); r++) {
      const w = batch(r, create);
      // The history step alone, on the batch as HQ would have answered it, then rolled back.
      const answers = new Map<number, StoredAnswer>(w.map((x) => [x.s, { res: Object.fromEntries(Object.keys(x.c).map((c) => [c, 'a' as const])) }]));
      let t = performance.now();
      await store.db.transaction().execute(async (trx) => {
        await recordPushHistory(trx, actor, w, answers, Date.now());
        hist.push(performance.now() - t);
        throw new Error('rollback');
      }).catch(() => undefined);
      t = performance.now();
      await applyPush(store, clock, actor, w, { numbered: false });
      whole.push(performance.now() - t);
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    console.log(`${label}: whole push ${ms(med(whole))} (history included) · history step alone ${ms(med(hist))} → history is ${((100 * med(hist)) / med(whole)).toFixed(0)}% of the push`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
