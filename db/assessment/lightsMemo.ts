// The board's lights kept in memory while nothing is written to the store (db/storeVersion.ts): the
// warning board of a 100-county province is ~0.8 s of reading five years of organisation life
// (bench/province.bench.ts), and it is asked for again when its user comes back to the page, changes
// tab or period and returns, exports it or records the month. Any write — a save, a sync, another connection's commit — makes the next
// look compute anew; so does the next day, which is part of the key. Lights are frozen: whoever
// receives kept ones cannot change them for the next.
import type { BoardLight } from '../../shared/assessment/types.js';
import type { Db } from '../context.js';
import { storeVersion } from '../storeVersion.js';

/** A province's lights are tens of MB in memory: the current month and one other (recording reads the month before). */
const KEEP = 2;

interface Kept { key: string; version: string; lights: readonly BoardLight[] }
const kept = new WeakMap<Db, Kept[]>();

function freeze(lights: BoardLight[]): readonly BoardLight[] {
  for (const l of lights) {
    for (const c of l.causes) Object.freeze(c);
    Object.freeze(l.causes);
    Object.freeze(l);
  }
  return Object.freeze(lights);
}

export async function keptLights(db: Db, key: string, compute: () => Promise<BoardLight[]>): Promise<readonly BoardLight[]> {
  const version = await storeVersion(db);
  const mine = kept.get(db) ?? [];
  const hit = mine.find((k) => k.key === key && k.version === version);
  if (hit) return hit.lights;
  const lights = freeze(await compute());
  // Kept only if nothing was written while they were computed (another call may have written between two reads).
  if ((await storeVersion(db)) === version) kept.set(db, [{ key, version, lights }, ...mine.filter((k) => k.key !== key && k.version === version)].slice(0, KEEP));
  return lights;
}
