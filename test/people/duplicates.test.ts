// Duplicate detection (same id; same name + birth date; same pinyin + phone) and the merge that keeps
// both records' history, re-points every reference, and is plain row writes that sync captures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/index.js';
import { uuidv7 } from '../../shared/core/ids.js';
import { makeCitizenId } from '../../shared/domain/citizenId.js';
import { buildBranch, buildOutlet, buildTree, call } from '../support/builders.js';
import { tempProfile } from '../support/store.js';

type P = Awaited<ReturnType<typeof tempProfile>>;
let p: P;
beforeEach(async () => {
  p = await tempProfile({ role: 'county_organiser' });
});
afterEach(async () => p.cleanup());

const T = '2026-01-05T08:00:00.000Z';
const idA = makeCitizenId('610115', '1985-06-15', 11, true);

/** A second registration of someone, as another device would deliver it (the API refuses twin ids). */
function rawPerson(name: string, over: Record<string, string | null>, scope: string): string {
  const id = uuidv7();
  const cols = { id, name, political_status: 'masses', scope_path: scope, created_at: T, updated_at: T, ...over };
  p.store.raw.prepare(`INSERT INTO people (${Object.keys(cols).join(',')}) VALUES (${Object.keys(cols).map(() => '?').join(',')})`).run(...Object.values(cols));
  return id;
}

async function world() {
  const ctx = p.context();
  const { county } = await buildTree(ctx);
  const outlet = await buildOutlet(ctx, county.id);
  const branch = await buildBranch(ctx, county.id);
  const scope = (await call(ctx, 'orgUnits.list', {})).find((u) => u.id === county.id)!.path;
  const zhang = await call(ctx, 'people.save', {
    name: '张三', citizenId: idA, phone: '13912345678', politicalStatus: 'masses', outletId: outlet.id,
  });
  return { ctx, county, outlet, branch, scope, zhang };
}

describe('duplicate detection', () => {
  it('finds same id, same name and birth date, same pinyin and phone; not two people with different ids', async () => {
    const w = await world();
    rawPerson('张三', { citizen_id: idA, outlet_id: w.outlet.id }, w.scope);
    await call(w.ctx, 'people.save', { name: '李四', birthDate: '1990-02-03', politicalStatus: 'masses', outletId: w.outlet.id });
    await call(w.ctx, 'people.save', { name: '李四', birthDate: '1990-02-03', politicalStatus: 'masses', outletId: w.outlet.id });
    await call(w.ctx, 'people.save', { name: '王五', phone: '13700001111', politicalStatus: 'masses', outletId: w.outlet.id });
    await call(w.ctx, 'people.save', { name: '汪伍', phone: '13700001111', politicalStatus: 'masses', outletId: w.outlet.id });
    // Same name and birth date but different valid ids: two people.
    await call(w.ctx, 'people.save', { name: '赵六', citizenId: makeCitizenId('610115', '1980-01-01', 21, true), politicalStatus: 'masses' });
    await call(w.ctx, 'people.save', { name: '赵六', citizenId: makeCitizenId('610125', '1980-01-01', 31, true), politicalStatus: 'masses' });
    const groups = await call(w.ctx, 'duplicates.list', {});
    expect(groups.map((g) => [g.reason, g.people.map((x) => x.name)])).toEqual([
      ['citizen_id', ['张三', '张三']],
      ['name_birth', ['李四', '李四']],
      ['pinyin_phone', ['王五', '汪伍']],
    ]);
    // Lists are masked for every role.
    expect(groups[0]!.people[0]!.citizenId).toBe(idA.slice(0, 6) + '********' + idA.slice(-4));
  });
});

describe('merge', () => {
  it('re-points references, keeps both histories, tombstones the loser with a pointer, and is captured for sync', async () => {
    const w = await world();
    const raw = p.store.raw;
    const loser = rawPerson('张叁', { phone: '13912345678', outlet_id: w.outlet.id, political_status: 'full_member', birth_date: '1985-06-15' }, w.scope);
    raw.prepare(`INSERT INTO members (id, person_id, branch_id, join_date, scope_path, created_at, updated_at) VALUES (?, ?, ?, '2008-07-01', ?, ?, ?)`)
      .run(uuidv7(), loser, w.branch.id, w.scope, T, T);
    const act1 = uuidv7();
    const act2 = uuidv7();
    for (const a of [act1, act2])
      raw.prepare(`INSERT INTO activities (id, org_id, type, title, held_on, scope_path, created_at, updated_at) VALUES (?, ?, 'theme_day', '主题党日', '2026-01-05', ?, ?, ?)`).run(a, w.branch.id, w.scope, T, T);
    const att = (activity: string, person: string) =>
      raw.prepare(`INSERT INTO attendance (id, activity_id, person_id, status, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'present', ?, ?, ?)`).run(uuidv7(), activity, person, w.scope, T, T);
    att(act1, loser);
    att(act2, loser);
    att(act1, w.zhang.id); // both records attended the first meeting
    raw.prepare(`INSERT INTO party_org_committee (id, org_id, person_id, role, scope_path, created_at, updated_at) VALUES (?, ?, ?, 'secretary', ?, ?, ?)`)
      .run(uuidv7(), w.branch.id, loser, w.scope, T, T);
    raw.prepare(`UPDATE party_orgs SET secretary_person_id = ? WHERE id = ?`).run(loser, w.branch.id);
    const outboxBefore = (raw.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

    const r = await call(w.ctx, 'duplicates.merge', { survivorId: w.zhang.id, loserId: loser, reason: 'pinyin_phone' });
    expect(Object.fromEntries(r.repointed.map((x) => [`${x.table}.${x.column}`, x.rows]))).toMatchObject({
      'members.person_id': 1, 'attendance.person_id': 2, 'party_org_committee.person_id': 1, 'party_orgs.secretary_person_id': 1,
    });
    const one = <T>(q: string, ...a: unknown[]) => raw.prepare(q).get(...a) as T;
    expect(one<{ deleted: number }>('SELECT deleted FROM people WHERE id = ?', loser).deleted).toBe(1);
    // The survivor became the member the loser was, kept its own id, and took the loser's birth date.
    const s = one<{ political_status: string; citizen_id: string; birth_date: string }>('SELECT political_status, citizen_id, birth_date FROM people WHERE id = ?', w.zhang.id);
    expect(s).toEqual({ political_status: 'full_member', citizen_id: idA, birth_date: '1985-06-15' });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM members WHERE person_id = ? AND deleted = 0', w.zhang.id).n).toBe(1);
    // Two meetings attended, the shared one counted once.
    expect(one<{ n: number }>('SELECT count(*) AS n FROM attendance WHERE person_id = ? AND deleted = 0', w.zhang.id).n).toBe(2);
    expect(one<{ secretary_person_id: string }>('SELECT secretary_person_id FROM party_orgs WHERE id = ?', w.branch.id).secretary_person_id).toBe(w.zhang.id);
    const merge = one<{ loser_snapshot_json: string; survivor_id: string }>('SELECT * FROM person_merges WHERE loser_id = ?', loser);
    expect(merge.survivor_id).toBe(w.zhang.id);
    expect(JSON.parse(merge.loser_snapshot_json)).toMatchObject({ name: '张叁', member: { branch_id: w.branch.id } });
    const history = await call(w.ctx, 'people.history', { personId: w.zhang.id });
    expect(history.map((h) => h.kind)).toEqual(expect.arrayContaining(['merge', 'political_status']));
    // Every write went through the change capture, like any edit.
    const tables = (raw.prepare('SELECT DISTINCT tbl FROM sync_outbox WHERE seq > ?').all(outboxBefore) as { tbl: string }[]).map((t) => t.tbl).sort();
    expect(tables).toEqual(expect.arrayContaining(['attendance', 'member_history', 'members', 'party_org_committee', 'party_orgs', 'people', 'person_merges']));
    expect((await call(w.ctx, 'duplicates.list', {})).length).toBe(0);
  });

  it('refuses two different ids, itself, and roles that may not merge', async () => {
    const w = await world();
    const other = await call(w.ctx, 'people.save', { name: '张三', citizenId: makeCitizenId('610125', '1985-06-15', 11, true), politicalStatus: 'masses' });
    const r = await dispatch(w.ctx, 'duplicates.merge', { survivorId: w.zhang.id, loserId: other.id, reason: 'manual' });
    expect(!r.ok && r.error.message).toBe('两条记录的身份证号不同，是两个人，不能合并');
    const self = await dispatch(w.ctx, 'duplicates.merge', { survivorId: w.zhang.id, loserId: w.zhang.id, reason: 'manual' });
    expect(!self.ok && self.error.message).toBe('不能把一条记录与它自己合并');
    const instructor = { ...w.ctx, session: { ...w.ctx.session, role: 'instructor' as const } };
    const r2 = await dispatch(instructor, 'duplicates.merge', { survivorId: w.zhang.id, loserId: other.id, reason: 'manual' });
    expect(!r2.ok && r2.error.code).toBe('forbidden');
    expect((p.store.raw.prepare('SELECT count(*) AS n FROM people WHERE deleted = 1').get() as { n: number }).n).toBe(0);
  });
});
