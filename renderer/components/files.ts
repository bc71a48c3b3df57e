// Files in the browser. They cross the contract as base64 strings: a download becomes a Blob link, an
// upload is read with FileReader. The same code works in Electron and in browser mode.
import type { FilePayload } from '../../shared/contract/define.js';

export function downloadFile(f: Pick<FilePayload, 'fileName' | 'mime' | 'base64'>): void {
  const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  // In slices: String.fromCharCode(...) of a whole file would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function readFileBase64(file: File): Promise<{ name: string; base64: string }> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok({ name: file.name, base64: toBase64(r.result as ArrayBuffer) });
    r.onerror = () => fail(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(file);
  });
}

// Attachments: a chosen file's first bytes (to check the type the way the backend does), the whole
// file as base64, and a small JPEG thumbnail drawn on a canvas.
export async function headBytes(file: Blob, n = 64): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, n).arrayBuffer());
}

export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** A JPEG at most `max` pixels on its long side, or null where the browser cannot draw it. */
export async function makeThumbnail(file: Blob, max = 240): Promise<string | null> {
  try {
    const url = URL.createObjectURL(file);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const scale = Math.min(1, max / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      const g = canvas.getContext('2d');
      if (!g) return null;
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/jpeg', 0.8).replace(/^data:[^,]*,/, '');
    } finally {
      URL.revokeObjectURL(url);
    }
  } catch {
    return null;
  }
}
