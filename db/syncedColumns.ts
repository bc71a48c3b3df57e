// The bookkeeping columns every synced table carries (its scope, whether synthetic, when made and
// changed, the tombstone), shared by db/schema.ts and each feature's tables.ts.
import type { Generated } from 'kysely';

export interface SyncedCols {
  scope_path: string;
  synthetic: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted: Generated<number>;
}
