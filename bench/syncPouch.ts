// The PouchDB comparison: the same records as documents, replicated between two in-process
// in-memory databases (PouchDB's own sync protocol, without a network).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Seconds PouchDB takes to replicate `docs` from one memory database to a fresh one. */
export async function pouchReplicate(docs: Record<string, unknown>[]): Promise<{ seconds: number; docs: number }> {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const PouchDB: any = require('pouchdb-core');
  PouchDB.plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-replication'));
  const name = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const source = new PouchDB(`${name}-a`, { adapter: 'memory' });
  const target = new PouchDB(`${name}-b`, { adapter: 'memory' });
  /* eslint-enable @typescript-eslint/no-explicit-any */
  for (let i = 0; i < docs.length; i += 2000) await source.bulkDocs(docs.slice(i, i + 2000));
  const t = performance.now();
  await PouchDB.replicate(source, target);
  const seconds = (performance.now() - t) / 1000;
  const info = await target.info();
  await source.destroy();
  await target.destroy();
  return { seconds, docs: info.doc_count };
}
