// Crash safety (property 5): a device process and an HQ process are killed with SIGKILL at random
// moments while they push and pull, again and again. Afterwards every write any device committed is
// at HQ exactly once, sequence numbers have no gaps, append-only rows are not duplicated, and every
// store holds HQ's state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sql } from 'kysely';
import { openProfile } from '../../db/profile.js';
import { enrolDevice } from '../../db/sync/enrol.js';
import { syncOnce } from '../../db/sync/session.js';
import { setMetaRaw } from '../../db/sync/state.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { createEnrolCode } from '../../hq/auth.js';
import { startHq } from '../../hq/server.js';
import { openHqStore, type HqStore } from '../../hq/store.js';
import { openGate } from '../support/gate.js';
import { spawnEntry, spawnHq, type Child } from './spawn.js';
import { snapshot } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `hqTarget`: a SQLite file path or a postgres:// URL the HQ processes use. */
export async function crashScenario(hqTarget: string, rounds: number, rand: () => number = Math.random): Promise<void> {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'rc-crash-')));
  // One address for HQ across its restarts, owned by the test (a port freed and reused could be taken).
  const gate = await openGate(null);
  const url = gate.url;
  const dbArgs = hqTarget.startsWith('postgres') ? ['--pg', hqTarget] : ['--db', hqTarget];
  let store: HqStore | undefined = await openHqStore(hqTarget);
  const written = new Set<string>();
  const children: Child[] = [];
  try {
    // Enrol two devices and give them shared rows, with an in-process HQ on the same database.
    const srv = await startHq({ store });
    gate.forwardTo(Number(new URL(srv.url).port));
    const outlets = [uuidv7(), uuidv7()];
    for (const [i, dir] of dirs.entries()) {
      const p = await openProfile(dir);
      const dev = { raw: p.store.raw, session: p.session };
      await enrolDevice(dev, url, await createEnrolCode(store, { userName: `设备${i}`, role: 'county_organiser', scopePath: '/hq/c/' }));
      if (i === 0)
        for (const id of outlets)
          p.store.raw.prepare(`INSERT INTO outlets (id, code, name, channel_type, county_id, scope_path, created_at, updated_at) VALUES (?, ?, '初始', 'rural', 'c', '/hq/c/', 't', 't')`).run(id, id.slice(-6));
      await syncOnce(dev);
      await p.store.close();
    }
    await srv.close();
    await store.close();
    store = undefined;

    const collect = (c: Child) => {
      for (const line of c.output().split('\n')) if (line.startsWith('W ')) written.add(line.slice(2).trim());
    };
    let hq: Child | null = null;
    for (let r = 0; r < rounds; r++) {
      if (!hq) {
        const spawned = await spawnHq(dbArgs);
        hq = spawned.child;
        gate.forwardTo(spawned.port);
      }
      const devices = await Promise.all(dirs.map((d, i) => spawnEntry('crashDevice', ['--profile', d, '--outlets', outlets.join(','), '--tag', `d${i}r${r}`])));
      children.push(...devices);
      await Promise.all(devices.map((d) => d.waitFor(/READY/)));
      await sleep(150 + rand() * 900);
      // Kill somebody at a random instant: a device, HQ, or everyone.
      const pick = rand();
      if (pick < 0.4 || pick >= 0.8) {
        await hq.kill('SIGKILL');
        gate.forwardTo(null);
        hq = null;
        await sleep(rand() * 300); // devices run on, offline
      }
      for (const d of devices) await d.kill('SIGKILL');
      for (const d of devices) collect(d);
    }
    await hq?.kill('SIGKILL');

    // Recovery: HQ back, each device syncs until nothing waits.
    store = await openHqStore(hqTarget);
    const srv2 = await startHq({ store });
    gate.forwardTo(Number(new URL(srv2.url).port));
    try {
      const profiles = [];
      for (const dir of dirs) profiles.push(await openProfile(dir));
      for (let round = 0; round < 2; round++)
        for (const p of profiles) {
          setMetaRaw(p.store.raw, 'sync_hq_url', url);
          await syncOnce({ raw: p.store.raw, session: p.session });
        }
      expect(written.size).toBeGreaterThan(rounds); // the devices did work before dying
      const hqWrites = await sql<{ device_id: string; seq: unknown; hlc: string }>`SELECT device_id, seq, hlc FROM hq_writes`.execute(store.db);
      const atHq = new Set(hqWrites.rows.map((w) => w.hlc));
      for (const h of written) expect(atHq.has(h), `write ${h} reached HQ`).toBe(true);
      expect(atHq.size, 'no write twice').toBe(hqWrites.rows.length);
      for (const p of profiles) {
        const mine = hqWrites.rows.filter((w) => w.device_id === p.session.deviceId).map((w) => Number(w.seq)).sort((a, b) => a - b);
        expect(mine, 'gapless sequence').toEqual(mine.map((_, i) => i + 1));
        expect(p.store.raw.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE tbl <> ''`).get()).toEqual({ n: 0 });
      }
      const attendance = await sql<{ n: number }>`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'attendance'`.execute(store.db);
      const names = snapshot(profiles[0]!.store.raw, ['attendance', 'outlets']);
      expect(new Set((names.attendance as { person_id: string }[]).map((a) => a.person_id)).size, 'no duplicated record').toBe(names.attendance!.length);
      expect(names.attendance!.length).toBe(Number(attendance.rows[0]!.n));
      expect(snapshot(profiles[1]!.store.raw, ['attendance', 'outlets'])).toEqual(names);
      for (const p of profiles) await p.store.close();
    } finally {
      await srv2.close();
    }
  } finally {
    for (const c of children) await c.kill('SIGKILL');
    await gate.close();
    await store?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
