// The PouchDB comparison: the same records as documents, replicated by PouchDB's own protocol
// between two databases in this process (no network). On the LevelDB adapter — PouchDB's default
// in Node, on disk like the device store — and on the in-memory adapter, which writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export type PouchAdapter = 'leveldb' | 'memory';

/* eslint-disable @typescript-eslint/no-explicit-any */
let pouch: any = null;
function PouchDB(): any {
  // Plugins register once per process (a second registration throws).
  if (!pouch) pouch = require('pouchdb-core').plugin(require('pouchdb-adapter-leveldb')).plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-replication'));
  return pouch;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Seconds PouchDB takes to replicate `docs` from one database to a fresh one. */
export async function pouchReplicate(docs: Record<string, unknown>[], adapter: PouchAdapter): Promise<{ seconds: number; docs: number }> {
  const Pouch = PouchDB();
  const dir = mkdtempSync(join(tmpdir(), 'rc-bench-pouch-'));
  const name = adapter === 'leveldb' ? dir : `bench-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const source = new Pouch(`${name}/a`, { adapter });
  const target = new Pouch(`${name}/b`, { adapter });
  try {
    for (let i = 0; i < docs.length; i += 2000) await source.bulkDocs(docs.slice(i, i + 2000));
    const t = performance.now();
    await Pouch.replicate(source, target);
    const seconds = (performance.now() - t) / 1000;
    const info = await target.info();
    return { seconds, docs: info.doc_count };
  } finally {
    await source.destroy();
    await target.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
