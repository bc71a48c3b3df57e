// Frozen once landed. Indexes for the people list (db/queries/people.ts, listPeople), so that the
// total and the page of ids come from an index alone: people_list_scope counts everyone in scope,
// people_list_status counts and sorts by political status within scope (the member list), and
// people_list_name is walked in name order when many people match, stopping once the page is full.
// At 100k people the first page went from ~240 ms to a few ms (bench/memberList.bench.ts). The core
// indexes people_scope_name, people_status and people_name stay: other queries use them.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE INDEX people_list_scope ON people(scope_path, deleted)`,
  `CREATE INDEX people_list_status ON people(political_status, scope_path, deleted, name, id)`,
  `CREATE INDEX people_list_name ON people(name, id, scope_path, deleted, political_status)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
