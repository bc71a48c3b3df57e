// Reads a QR code from a picture (a photo or screenshot of the enrolment code the HQ console
// shows). jsQR is loaded only when a picture is chosen: nobody else needs it in the bundle.

export async function readQrText(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  // Phone photos are large; QR finding needs far fewer pixels and is quicker on them.
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const { default: jsQR } = await import('jsqr');
  const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
  return found?.data ?? null;
}
