// Reading a chosen file in the browser: its first bytes (to check the type the way the backend
// does), the whole file as base64, and a small JPEG thumbnail drawn on a canvas.
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
