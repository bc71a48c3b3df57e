// What `npm run hq -- purge` prints: what went (or would go), and which devices hold back the rest,
// so that an administrator can see a lost or long-silent device and revoke it.
import { DAY_MS, type PurgeReport } from './purge.js';

export function purgeLines(r: PurgeReport, minAgeMs: number): string[] {
  const total = Object.values(r.purged).reduce((a, b) => a + b, 0);
  const tables = Object.entries(r.purged).map(([t, n]) => `${t} ${n}`).join(', ');
  const out = [
    `deleted rows at HQ: ${r.tombstones} (younger than ${minAgeMs / DAY_MS} days: ${r.tooYoung}; held back by devices: ${r.held})`,
    `${r.dryRun ? 'would purge' : 'purged'}: ${total} rows${tables ? ` (${tables})` : ''}` +
      (r.dryRun ? '; dry run, nothing changed' : `; with them ${r.history} history entries, ${r.conflicts} conflict records, ${r.moves} moves, ${r.files} files`),
  ];
  if (r.busy) out.push('another HQ process was purging at the same time: it does the rest');
  if (r.blockers.length) out.push('held back by these devices (they may still hold the rows; a lost one: npm run hq -- revoke --device <id>):');
  return out;
}

export function printPurge(r: PurgeReport, minAgeMs: number): void {
  for (const l of purgeLines(r, minAgeMs)) console.log(l);
  if (r.blockers.length)
    console.table(
      r.blockers.map((b) => ({ device: b.deviceId, user: b.userName, scope: b.scopePath, acknowledged_version: b.acked, last_pull: b.lastPullAt ?? '', rows_held_back: b.rows })),
    );
}
