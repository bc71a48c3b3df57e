// Photos and files of activities and visits: checked by their bytes, limited in size, stored
// content-addressed on disk; the `attachments` rows are the metadata that syncs.
import { isUnder } from '../../shared/core/scope.js';
import type { z } from 'zod';
import { ApiError, notFound, RULE_MESSAGES } from '../../shared/core/errors.js';
import { uuidv7 } from '../../shared/core/ids.js';
import type { AttachmentMeta, BlobContent, StoredBlob } from '../../shared/orglife/contract.js';
import { MAX_THUMB_BYTES, MB, sniffAttachment, sniffImage, type AttachmentKind } from '../../shared/orglife/fileTypes.js';
import type { OrgLifeSettings } from '../../shared/orglife/settings.js';
import type { attachmentRef } from '../../shared/orglife/schemas.js';
import type { Db } from '../context.js';
import { blobHead, blobSize, filesDir, hasBlob, putBlob, readBlob } from './files.js';

const refuse = (key: string, path: string, extra = '') => {
  const m = RULE_MESSAGES[key]!;
  return new ApiError('validation', m.zh + extra, m.en, [{ path, message: m.zh + extra, messageEn: m.en }]);
};

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64, refusing anything that is not (Buffer.from would silently skip bad characters). */
function decode(b64: string, path: string): Buffer {
  const s = b64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!BASE64_RE.test(s) || s.length % 4 === 1) throw refuse('attachment.base64', path);
  return Buffer.from(s, 'base64');
}

const limitOf = (kind: AttachmentKind, s: OrgLifeSettings) => (kind === 'photo' ? s.attachments.maxPhotoMb : s.attachments.maxFileMb) * MB;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10}MB`;

export async function putAttachment(
  db: Db,
  input: { fileName: string; kind: AttachmentKind; dataBase64: string; thumbBase64?: string | null },
  s: OrgLifeSettings,
): Promise<StoredBlob> {
  // Refuse an oversized file before decoding it: base64 carries 3 bytes in 4 characters.
  const limit = limitOf(input.kind, s);
  if (Math.floor((input.dataBase64.length * 3) / 4) > limit + 3) throw refuse('attachment.too_large', 'dataBase64', `（上限 ${mb(limit)}）`);
  const bytes = decode(input.dataBase64, 'dataBase64');
  if (bytes.length > limit) throw refuse('attachment.too_large', 'dataBase64', `（${mb(bytes.length)}，上限 ${mb(limit)}）`);
  const sniffed = sniffAttachment(bytes, input.fileName, input.kind);
  if ('problem' in sniffed) throw refuse(sniffed.problem, 'dataBase64');
  let thumb: Buffer | null = null;
  if (input.thumbBase64 && sniffed.kind === 'photo') {
    thumb = decode(input.thumbBase64, 'thumbBase64');
    if (thumb.length > MAX_THUMB_BYTES) throw refuse('attachment.too_large', 'thumbBase64');
    if (!sniffImage(thumb)) throw refuse('attachment.not_image', 'thumbBase64');
  }
  const dir = await filesDir(db);
  const sha256 = putBlob(dir, bytes);
  const thumbSha256 = thumb ? putBlob(dir, thumb) : null;
  return { sha256, thumbSha256, mime: sniffed.mime, size: bytes.length, kind: sniffed.kind };
}

/** Makes the activity's attachment rows match `refs`: new ones inserted, dropped ones tombstoned. */
export async function linkAttachments(
  db: Db,
  activityId: string,
  refs: z.output<typeof attachmentRef>[],
  scopePath: string,
  now: string,
  s: OrgLifeSettings,
): Promise<void> {
  const existing = await db.selectFrom('attachments').select(['id', 'sha256']).where('activity_id', '=', activityId).where('deleted', '=', 0).execute();
  const wanted = new Map(refs.map((r) => [r.sha256, r]));
  for (const e of existing) {
    if (!wanted.has(e.sha256)) await db.updateTable('attachments').set({ deleted: 1, updated_at: now }).where('id', '=', e.id).execute();
  }
  const have = new Set(existing.map((e) => e.sha256));
  const fresh = [...wanted.values()].filter((r) => !have.has(r.sha256));
  if (!fresh.length) return;
  const dir = await filesDir(db);
  for (const [i, r] of fresh.entries()) {
    const path = `attachments.${i}.sha256`;
    if (!hasBlob(dir, r.sha256)) throw refuse('attachment.missing', path, `：${r.name}`);
    const sniffed = sniffAttachment(blobHead(dir, r.sha256), r.name, 'file');
    if ('problem' in sniffed) throw refuse(sniffed.problem, path);
    const size = blobSize(dir, r.sha256);
    if (size > limitOf(sniffed.kind, s)) throw refuse('attachment.too_large', path);
    const thumb = r.thumbSha256 && hasBlob(dir, r.thumbSha256) ? r.thumbSha256 : null;
    await db
      .insertInto('attachments')
      .values({
        id: uuidv7(), activity_id: activityId, kind: sniffed.kind, sha256: r.sha256, mime: sniffed.mime, size, file_name: r.name,
        thumb_sha256: thumb, scope_path: scopePath, created_at: now, updated_at: now,
      })
      .execute();
  }
}

export async function listAttachments(db: Db, activityId: string): Promise<AttachmentMeta[]> {
  const rows = await db.selectFrom('attachments').selectAll().where('activity_id', '=', activityId).where('deleted', '=', 0).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, kind: r.kind as AttachmentKind, sha256: r.sha256, thumbSha256: r.thumb_sha256, mime: r.mime, size: r.size, fileName: r.file_name,
  }));
}

const HASH_RE = /^[0-9a-f]{64}$/;

/** Reads a stored file, or null when it is not here (metadata can arrive by sync before the bytes do). */
function readIfHere(dir: string, hash: string | null): Buffer | null {
  // A hash comes from a synced row: anything else must never become a path.
  if (!hash || !HASH_RE.test(hash) || !hasBlob(dir, hash)) return null;
  try {
    return readBlob(dir, hash);
  } catch {
    return null;
  }
}

export async function readAttachment(db: Db, id: string, variant: 'thumb' | 'full', scope: string): Promise<BlobContent> {
  const r = await db.selectFrom('attachments').selectAll().where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!r || !isUnder(r.scope_path, scope)) throw notFound('附件', 'Attachment');
  const dir = await filesDir(db);
  // A thumbnail not here yet is stood in for by the full photo when that is.
  const thumb = variant === 'thumb' ? readIfHere(dir, r.thumb_sha256) : null;
  if (thumb) return { mime: sniffImage(thumb) ?? 'image/jpeg', fileName: r.file_name, dataBase64: thumb.toString('base64') };
  const full = readIfHere(dir, r.sha256);
  if (full) return { mime: r.mime, fileName: r.file_name, dataBase64: full.toString('base64') };
  return { mime: r.mime, fileName: r.file_name, dataBase64: '', notSynced: true };
}
