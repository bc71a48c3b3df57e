// What a file really is, from its first bytes (never from its name): a renamed text file is not
// a photo. Shared so the renderer can refuse early with the same rule the backend enforces.
export type AttachmentKind = 'photo' | 'file';

export interface Sniffed {
  mime: string;
  kind: AttachmentKind;
}

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp'];
const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export function sniffImage(b: Uint8Array): string | null {
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a'))) return 'image/gif';
  if (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

export type SniffProblem = 'attachment.not_image' | 'attachment.type' | 'attachment.empty';

/**
 * The accepted type of a file, or why it is refused. A photo (or a name with an image extension)
 * must be an image by its bytes; other files may be PDF or Office documents.
 */
export function sniffAttachment(b: Uint8Array, fileName: string, wanted: AttachmentKind): Sniffed | { problem: SniffProblem } {
  if (b.length === 0) return { problem: 'attachment.empty' };
  const ext = extensionOf(fileName);
  const image = sniffImage(b);
  if (image) return { mime: image, kind: 'photo' };
  if (wanted === 'photo' || IMAGE_EXTENSIONS.includes(ext)) return { problem: 'attachment.not_image' };
  if (starts(b, ascii('%PDF-'))) return { mime: 'application/pdf', kind: 'file' };
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) && OOXML[ext]) return { mime: OOXML[ext]!, kind: 'file' };
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) && OLE[ext]) return { mime: OLE[ext]!, kind: 'file' };
  return { problem: 'attachment.type' };
}

export const MB = 1024 * 1024;
/** The largest thumbnail the renderer may send alongside a photo. */
export const MAX_THUMB_BYTES = 512 * 1024;
