// Scope fuzz (property 4), shared by the SQLite and PostgreSQL suites: random pushes from devices of
// every role, aimed inside and outside their scope, at existing rows and new ones. Every write that
// touches a row outside the writer's scope (before or after) is rejected and changes nothing; pulls
// never return a row the device may not see, and return every row it may.
import fc from 'fast-check';
import { expect } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from '../../shared/core/ids.js';
import { Hlc } from '../../shared/sync/hlc.js';
import { helloAnswer, PROTOCOL_VERSION, pullAnswer, pushAnswer, resultsOf, type WireWrite } from '../../shared/sync/protocol.js';
import { clientFor } from '../../db/sync/session.js';
import { enrolledDevice, type TestDevice, type TestHq } from './support.js';
import type { Role } from '../../shared/domain/enums.js';

const PATHS = ['/', '/hq/', '/hq/a/', '/hq/a/x/', '/hq/a/x/g1/', '/hq/a/y/', '/hq/b/', '/hq/b/z/', '/hq/ab/'];
const TABLES = ['outlets', 'people', 'org_units', 'party_orgs', 'settings', 'attendance'] as const;
/** A column each table declares (shared/sync/columns.ts): HQ refuses cells of any other. */
const TEXT_COLUMN: Record<(typeof TABLES)[number], string> = { outlets: 'name', people: 'name', org_units: 'name', party_orgs: 'name', settings: 'value_json', attendance: 'reason' };
const under = (p: string, s: string) => p.startsWith(s);

/** Independent statement of the rules: what must be refused. */
function mustReject(role: Role, scope: string, table: string, before: string | null, after: string): boolean {
  if (role === 'auditor') return true;
  if ((before !== null && !under(before, scope)) || !under(after, scope)) return true;
  if (role === 'instructor' && ['outlets', 'org_units', 'party_orgs', 'settings'].includes(table)) return true;
  if (role === 'county_organiser' && table === 'settings' && (after === '/' || before === '/')) return true;
  return false;
}

function visible(table: string, rowScope: string, scope: string) {
  return under(rowScope, scope) || (table === 'settings' && under(scope, rowScope));
}

interface Writer {
  dev: TestDevice;
  role: Role;
  scope: string;
  clock: Hlc;
  seq: number;
}

async function hqRow(hq: TestHq, tbl: string, id: string) {
  const r = await sql<{ scope_path: string; cells: string }>`SELECT scope_path, cells FROM hq_rows WHERE tbl = ${tbl} AND row_id = ${id}`.execute(hq.store.db);
  return r.rows[0];
}

export async function scopeFuzz(hq: TestHq, numRuns: number): Promise<void> {
  const admin = await enrolledDevice(hq, { user: '管理员', role: 'hq_admin', scope: '/' });
  const writers: Writer[] = [];
  for (const [role, scope] of [['county_organiser', '/hq/a/x/'], ['instructor', '/hq/a/'], ['auditor', '/hq/a/'], ['county_organiser', '/hq/b/']] as const) {
    const dev = await enrolledDevice(hq, { user: `${role}@${scope}`, role, scope });
    const h = await clientFor(dev.dev).post('/v1/hello', { appVersion: 't', schemaVersion: 't', cursor: 0, protocol: PROTOCOL_VERSION }, helloAnswer);
    writers.push({ dev, role, scope, clock: new Hlc(dev.session.deviceId), seq: h.lastSeq });
  }
  try {
    // Rows everywhere, written by HQ's administrator through the normal path.
    const ids: { tbl: string; id: string }[] = [];
    const c0 = clientFor(admin.dev);
    const ac = new Hlc(admin.session.deviceId);
    let aseq = 0;
    const seed: WireWrite[] = [];
    for (const tbl of TABLES)
      for (const p of PATHS) {
        const id = uuidv7();
        ids.push({ tbl, id });
        seed.push({ s: ++aseq, t: tbl, r: id, h: ac.tick(), p, c: { [TEXT_COLUMN[tbl]]: `初始${p}`, scope_path: p } });
      }
    const seeded = await c0.post('/v1/push', { writes: seed }, pushAnswer);
    expect(seeded.answers.every((a, i) => Object.values(resultsOf(a, seed[i]!.c)).every((r) => r === 'a'))).toBe(true);

    const writeArb = fc.record({
      w: fc.integer({ min: 0, max: writers.length - 1 }),
      target: fc.oneof(fc.constantFrom(...ids), fc.record({ tbl: fc.constantFrom(...TABLES), id: fc.constant('') })),
      claimed: fc.constantFrom(...PATHS),
      move: fc.option(fc.constantFrom(...PATHS), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 8 }), async (batch) => {
        for (const b of batch) {
          const wr = writers[b.w]!;
          const id = b.target.id || uuidv7();
          const before = await hqRow(hq, b.target.tbl, id);
          const c: Record<string, string> = { [TEXT_COLUMN[b.target.tbl as (typeof TABLES)[number]]]: `改${wr.seq}` };
          if (b.move) c.scope_path = b.move;
          const write: WireWrite = { s: wr.seq + 1, t: b.target.tbl as WireWrite['t'], r: id, h: wr.clock.tick(), p: b.claimed, c };
          const a = await clientFor(wr.dev.dev).post('/v1/push', { writes: [write] }, pushAnswer);
          wr.seq++;
          const res = Object.values(resultsOf(a.answers[0]!, write.c));
          const beforeScope = before?.scope_path ?? null;
          const after = b.move ?? beforeScope ?? b.claimed;
          const after2 = await hqRow(hq, b.target.tbl, id);
          if (mustReject(wr.role, wr.scope, b.target.tbl, beforeScope, after)) {
            expect(res.every((r) => r === 'r'), `${wr.role}@${wr.scope} ${b.target.tbl} ${beforeScope}→${after}`).toBe(true);
            expect(a.answers[0]!.reason).toBeDefined();
            expect(after2, 'a rejected write changes nothing').toEqual(before);
            // Nothing about a row the writer may not see comes back in the answer.
            if (!before || !visible(b.target.tbl, before.scope_path, wr.scope)) expect(a.answers[0]!.cur).toBeUndefined();
          } else {
            expect(res.every((r) => r === 'a' || r === 's'), `${wr.role}@${wr.scope} ${b.target.tbl} ${beforeScope}→${after}`).toBe(true);
            if (!before) ids.push({ tbl: b.target.tbl, id });
          }
        }
      }),
      { numRuns },
    );

    // Pulls from zero: exactly the visible rows, nothing else.
    const all = await sql<{ tbl: string; row_id: string; scope_path: string }>`SELECT tbl, row_id, scope_path FROM hq_rows`.execute(hq.store.db);
    for (const wr of writers) {
      const c = clientFor(wr.dev.dev);
      const got = new Set<string>();
      let cursor = 0;
      for (;;) {
        const chunk = await c.post('/v1/pull', { cursor, since: 0, limit: 7 }, pullAnswer);
        for (const r of chunk.rows) {
          const row = all.rows.find((x) => x.tbl === r.t && x.row_id === r.id)!;
          expect(visible(r.t, row.scope_path, wr.scope), `${wr.scope} got ${r.t} at ${row.scope_path}`).toBe(true);
          got.add(`${r.t}/${r.id}`);
        }
        for (const conflict of chunk.conflicts) expect(visible(conflict.t, conflict.p, wr.scope)).toBe(true);
        cursor = chunk.cursor;
        if (!chunk.more) break;
      }
      const want = all.rows.filter((x) => visible(x.tbl, x.scope_path, wr.scope)).map((x) => `${x.tbl}/${x.row_id}`);
      expect([...got].sort()).toEqual(want.sort());
    }
  } finally {
    await admin.cleanup();
    for (const w of writers) await w.dev.cleanup();
  }
}
