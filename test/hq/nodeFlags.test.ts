// HQ's server runs with its V8 flags (hq/nodeFlags.ts) both as administrators start it and as the
// tests and benchmarks do, and answers say how long HQ worked on them (hq/serverTiming.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { HQ_NODE_FLAGS } from '../../hq/nodeFlags.js';
import { serverMs } from '../../hq/serverTiming.js';
import { spawnHq } from '../sync/spawn.js';

it('package.json starts HQ with the flags the tests and benchmarks start it with', () => {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.hq!;
  expect(script.split(/\s+/)).toEqual(['tsx', ...HQ_NODE_FLAGS, 'hq/cli.ts']);
});

it('an HQ process answers with the time it worked, and runs with its flags', async () => {
  const hq = await spawnHq(['--db', ':memory:']);
  try {
    const r = await fetch(`${hq.url}/v1/ping`);
    expect(r.status).toBe(200);
    const header = r.headers.get('server-timing') ?? '';
    expect(header).toMatch(/^app;dur=\d+\.\d$/);
    expect(serverMs(header)).toBeLessThan(5_000);
    expect(hq.child.proc.spawnargs).toEqual(expect.arrayContaining([...HQ_NODE_FLAGS]));
  } finally {
    await hq.child.kill();
  }
}, 60_000);

it('reads HQ\u2019s time among other Server-Timing metrics, and none when there is none', () => {
  expect(serverMs('db;dur=2, app;dur=12.5')).toBe(12.5);
  expect(serverMs(['cache;desc=hit', 'app;dur=3'])).toBe(3);
  expect(serverMs(undefined)).toBe(0);
  expect(serverMs('xapp;dur=9')).toBe(0);
});
