// Frozen once landed. A three-list item opened from a negative outcome (a member listed by points)
// keeps its sensitive part apart from what everyone in scope may read (DOMAIN.md Privacy):
// - rectification_items.private_title / private_detail: the member, grade and rank, shown only to
//   the owner and organisers (shared/assessment/itemPrivacy.ts); title and detail stay neutral.
// No backfill of existing rows: an UPDATE here would be captured as this device's own edit; items
// of source 'points' made before this are masked whole on read instead.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE rectification_items ADD COLUMN private_title TEXT`).execute(db);
  await sql.raw(`ALTER TABLE rectification_items ADD COLUMN private_detail TEXT`).execute(db);
}
