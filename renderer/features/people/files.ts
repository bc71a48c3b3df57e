// Files cross the contract as base64 strings: a download becomes a Blob link, an upload is read with
// FileReader. The same code works in Electron and in browser mode.
import type { FilePayload } from '../../../shared/contract/define.js';

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
