// Operations of the 同步 screen. sync.enrol and sync.now talk to HQ over the network, so they are
// declared `read`: dispatch must not wrap them in a local transaction (that would hold the store
// for the length of an HTTP call), and an auditor's device must be able to enrol and sync. The
// relay-by-file operations are `read` for the same reasons (they write through sync's own transactions).
import type { FirstSyncProgress } from './snapshot.js';
import { z } from 'zod';
import { RELAY_LIMITS } from './relay.js';
import { enrolKeepContract } from './enrolKeep.js';
import { read, write } from '../contract/define.js';
import type { Page } from '../contract/define.js';

export type SyncConnection = 'not_enrolled' | 'syncing' | 'online' | 'offline' | 'error' | 'revoked';

export interface SyncStatus {
  enrolled: boolean;
  hqUrl: string | null;
  deviceId: string;
  userName: string;
  role: string;
  scopePath: string;
  connection: SyncConnection;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** Local writes waiting to be sent. */
  pending: number;
  /** When the oldest of them was made. */
  oldestPendingAt: string | null;
  lastError: { message: string; messageEn: string; at: string } | null;
  openConflicts: number;
  openRejections: number;
  /** Rows from HQ this app version could not store (kept aside, retried). */
  stashed: number;
  /** Attachments whose file is on this device but not yet known to be at HQ. */
  filesToUpload: number;
  /** Attachments whose file has not reached this device yet. */
  filesMissing: number;
  /** Why the last attempt to move attachment files left some behind (rows sync regardless). */
  filesError: { message: string; messageEn: string; at: string } | null;
  wipedAt: string | null;
  relay: RelayStatus;
  /** HQ is reached over plain http:// from another machine: what syncs can be read on the way (refused instead when sync.requireTls is set). */
  hqUrlWarning: { message: string; messageEn: string; refused: boolean } | null;
  /** A first sync through HQ's snapshot under way, or stopped half-way (then without time left). */
  firstSync: FirstSyncProgress | null;
}

/** Relay by file on the 同步 screen. */
export interface RelayStatus {
  /** HQ's key is known: bundles can be written and answers read. */
  ready: boolean;
  lastExport: { at: string; writes: number; more: boolean; fileName: string } | null;
  lastImportAt: string | null;
}

export interface RelayFile {
  fileName: string;
  mime: string;
  base64: string;
}

export interface RelayExportResult {
  file: RelayFile;
  writes: number;
  more: boolean;
}

export interface RelayImportResult {
  /** imported: applied now; already: this answer was imported before (nothing changed); wiped: HQ revoked the device. */
  outcome: 'imported' | 'already' | 'wiped';
  /** Waiting writes this answer acknowledged, and how many of them HQ rejected (kept with the reason). */
  uploaded: number;
  rejected: number;
  /** Rows received (changed or dropped) and conflict records. */
  downloaded: number;
  conflicts: number;
  /** The device had moved past the bundle's cursor: the pulled part was not applied. */
  pullSkipped: boolean;
  /** HQ had more for this device, or more writes were waiting than the bundle carried: export again. */
  more: boolean;
  /** When HQ made the answer. */
  answeredAt: string;
}

export interface RelayForwardResult {
  file: RelayFile;
  originUser: string;
  /** The device that wrote the bundle has been revoked: the answer only tells it to wipe. */
  revoked: boolean;
  writes: number;
  rejected: number;
  rows: number;
  conflicts: number;
  more: boolean;
}

export interface RecordSide {
  value: unknown;
  user: string;
  at: string;
  mine: boolean;
}

export interface ConflictRecord {
  id: string;
  table: string;
  rowId: string;
  rowLabel: string | null;
  column: string;
  /** The value that lost (kept so it can be re-applied) and the one that won. */
  loser: RecordSide;
  winner: RecordSide;
  current: unknown;
  dismissedAt: string | null;
  reappliedAt: string | null;
}

export interface RejectionRecord {
  id: string;
  table: string;
  rowId: string;
  rowLabel: string | null;
  values: Record<string, unknown>;
  code: string;
  reason: string;
  reasonEn: string;
  madeAt: string;
  rejectedAt: string;
  dismissedAt: string | null;
  reappliedAt: string | null;
}

const recordRef = z.strictObject({ kind: z.enum(['conflict', 'rejection']), id: z.string().min(1).max(64) });
const listInput = z.strictObject({
  include: z.enum(['open', 'all']).default('open'),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

/** A bundle or answer file from the renderer (base64, as the roster import sends its file). */
const relayFileInput = z.strictObject({
  name: z.string().min(1).max(200),
  base64: z
    .string()
    .min(1)
    .max(Math.ceil(RELAY_LIMITS.fileBytes / 3) * 4 + 4, { message: 'relay.too_large' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'import.not_base64' }),
});

export const syncContract = {
  'sync.status': read<SyncStatus>()(z.strictObject({})),
  'sync.enrol': read<SyncStatus>()(
    // review: hold HQ's answer while work typed before enrolment would be refused (enrolKeep.ts); the 同步 screen always asks for it.
    z.strictObject({ hqUrl: z.string().trim().min(8).max(200), code: z.string().trim().min(4).max(40), deviceName: z.string().max(100).optional(), review: z.boolean().optional() }),
  ),
  'sync.now': read<SyncStatus>()(z.strictObject({})),
  'sync.conflicts': read<Page<ConflictRecord>>()(listInput),
  'sync.rejections': read<Page<RejectionRecord>>()(listInput),
  /** Writes the kept value again as a new local change (it syncs like any edit). */
  'sync.reapply': write<{ ok: true }>()(recordRef),
  'sync.dismiss': write<{ ok: true }>()(recordRef),
  /** Writes a sync bundle of everything waiting (relay by file); nothing local changes until its answer is imported. */
  'sync.relayExport': read<RelayExportResult>()(z.strictObject({})),
  /** Imports HQ's answer to this device's bundle. */
  'sync.relayImport': read<RelayImportResult>()(z.strictObject({ file: relayFileInput })),
  /** Hands another device's bundle to HQ and returns the answer file to carry back. */
  'sync.relayForward': read<RelayForwardResult>()(z.strictObject({ file: relayFileInput })),
  ...enrolKeepContract,
} as const;
