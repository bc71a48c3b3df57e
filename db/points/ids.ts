// Ids derived from what a row stands for, so that two devices writing it offline write the same
// row: an automatic entry from its source record, a publication from its branch and quarter.
import { createHash } from 'node:crypto';

export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
