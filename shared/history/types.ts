// The history of a record (审计留痕): one entry per changed field (one per created or deleted row),
// with who wrote it, when, on which device and whether it came through the app or by sync.
import type { Role } from '../domain/enums.js';

/** Who made a change: today the device's enrolled user; per-user sign-in names the person signed in. */
export interface Writer {
  name: string;
  role: Role | null;
  /** The signed-in user's id, once devices have per-user sign-in. */
  userId?: string;
}

export type HistoryOp = 'insert' | 'update' | 'delete';
export type HistorySource = 'app' | 'sync';

export interface HistoryEntry {
  id: string;
  tbl: string;
  rowId: string;
  op: HistoryOp;
  /** The column, or '' for a whole created / deleted row. */
  col: string;
  label: { zh: string; en: string };
  /** As the viewer may see them: masked or hidden where the role may not see the value. */
  oldValue: string | null;
  newValue: string | null;
  masked: boolean;
  /** The name of the record a value points at (an outlet, a branch, a person), when this device knows it. */
  oldRef?: string;
  newRef?: string;
  writer: Writer | null;
  deviceId: string;
  at: string;
  source: HistorySource;
}
