// Purging tombstones on a SQLite HQ (the PostgreSQL suite runs the same scenarios, and two purging
// processes at once): who holds a purge back, what goes, what a late write gets, the command line,
// and an HQ database from before the purge upgrading in place.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ackScenario, addOutlet, filesScenario, holdersScenario, lateWriteScenario, purgeScenario, setOutlet } from './purge.js';
import { upgradeScenario } from './purgeConcurrent.js';
import { spawnEntry } from './spawn.js';
import { enrolledDevice, startTestHq, type TestHq } from './support.js';

const withHq = async (fn: (hq: TestHq) => Promise<void>) => {
  const hq = await startTestHq();
  try {
    await fn(hq);
  } finally {
    await hq.close();
  }
};

async function cli(args: string[]): Promise<string> {
  const child = await spawnEntry('hq', args);
  const code = await new Promise<number | null>((ok) => (child.proc.exitCode !== null ? ok(child.proc.exitCode) : child.proc.once('exit', (c) => ok(c))));
  expect(code, child.output()).toBe(0);
  return child.output();
}

describe('purging deleted rows at HQ (SQLite)', () => {
  it('purges tombstones only once every device that may hold them has moved past, and a new device never gets them', () => withHq(purgeScenario), 60_000);

  it('is held back by a silent device in the row\'s scope, not by revoked, never-synced or other-county devices', () => withHq(holdersScenario), 60_000);

  it('takes as acknowledged only what a device has stored, never more than HQ holds', () => withHq(ackScenario), 30_000);

  it('refuses a late edit, or a new row, under a purged id with a reason the device keeps; nothing else changes', () => withHq(lateWriteScenario), 60_000);

  it('takes a purged attachment\'s file from HQ unless another row names it', () => withHq(filesScenario), 60_000);

  it('runs from the command line: a dry run changes nothing, then the purge reports what went', () =>
    withHq(async (hq) => {
      const a = await enrolledDevice(hq, { user: '甲', role: 'hq_admin', scope: '/' });
      try {
        const ids = [addOutlet(a.store.raw, '/hq/m/', '一'), addOutlet(a.store.raw, '/hq/m/', '二')];
        await a.sync();
        setOutlet(a.store.raw, ids[0]!, { deleted: 1 });
        await a.sync();
        const young = await cli(['purge', '--db', hq.target]);
        expect(young).toMatch(/deleted rows at HQ: 1 \(younger than 30 days: 1; held back by devices: 0\)/);
        expect(young).toMatch(/purged: 0 rows/);
        const held = await cli(['purge', '--db', hq.target, '--older-than-days', '0', '--dry-run']);
        expect(held).toMatch(/would purge: 0 rows; dry run/);
        expect(held).toMatch(/held back by these devices/);
        expect(held).toContain(a.session.deviceId);
        await a.sync();
        await a.sync();
        const dry = await cli(['purge', '--db', hq.target, '--older-than-days', '0', '--dry-run']);
        expect(dry).toMatch(/would purge: 1 rows \(outlets 1\); dry run, nothing changed/);
        expect(Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'outlets'`.execute(hq.store.db)).rows[0]!.n)).toBe(2);
        const done = await cli(['purge', '--db', hq.target, '--older-than-days', '0']);
        expect(done).toMatch(/purged: 1 rows \(outlets 1\); with them/);
        expect(Number((await sql<{ n: unknown }>`SELECT count(*) AS n FROM hq_rows WHERE tbl = 'outlets'`.execute(hq.store.db)).rows[0]!.n)).toBe(1);
        const devices = await cli(['devices', '--db', hq.target]);
        expect(devices).toMatch(/acked_version/);
        expect(devices).toMatch(/last_pull_at/);
      } finally {
        await a.cleanup();
      }
    }), 120_000);

  it('upgrades an HQ database from before the purge in place: devices that had synced hold everything back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-hq-old-'));
    try {
      await upgradeScenario(join(dir, 'hq.sqlite'), async (statements) => {
        const old = new Database(join(dir, 'hq.sqlite'));
        for (const q of statements) old.exec(q);
        old.close();
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
