// The load benchmark's first-sync devices, in a process of their own (forked by
// bench/load1000.bench.ts). Fifty devices decoding and checking a snapshot and its catch-up are fifty
// laptops' work; on the simulator's one event loop it held up the answers of the daily devices
// beside them, and their latency measured the simulator instead of HQ. Told the devices, it waits for
// "go", runs every first sync at once, reports each one as it ends, and ends itself.
import { firstSyncSim, simDevice } from './loadDevices.js';

export type FirstSyncOrder = { devices: { url: string; id: string; secret: string; scope: string }[] } | 'go';
/** `cpu`: this process's CPU seconds since it started, told as it ends (bench/cpuShare.ts cannot read a process that has ended). */
export type FirstSyncReport = { ready: true } | { ms: number; rows: number } | { error: string } | { done: true; cpu: number };

const say = (m: FirstSyncReport) => process.send!(m);

let devices: ReturnType<typeof simDevice>[] = [];
process.on('message', (m: FirstSyncOrder) => {
  if (m !== 'go') {
    devices = m.devices.map((d) => simDevice(d.url, d.id, d.secret, d.scope));
    say({ ready: true });
    return;
  }
  void Promise.all(
    devices.map(async (d) => {
      const t = performance.now();
      try {
        const rows = await firstSyncSim(d);
        say({ ms: performance.now() - t, rows });
      } catch (e) {
        say({ error: `first ${d.id.slice(0, 8)}: ${(e as Error).message}` });
      }
    }),
  ).then(() => {
    const c = process.cpuUsage();
    process.send!({ done: true, cpu: (c.user + c.system) / 1e6 } satisfies FirstSyncReport, () => process.exit(0));
  });
});
