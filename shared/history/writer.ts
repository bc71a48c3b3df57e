// How a writer is stored beside a change (outbox, device history, HQ history) and sent with a push:
// a compact JSON object { n: name, r: role, u: user id }. Absent or unreadable = unknown writer.
import { ROLES, type Role } from '../domain/enums.js';
import type { Writer } from './types.js';

export interface WireWriter {
  n: string;
  r?: Role;
  u?: string;
}

const isRole = (r: unknown): r is Role => typeof r === 'string' && Object.prototype.hasOwnProperty.call(ROLES, r);

export function toWire(w: Writer): WireWriter {
  const out: WireWriter = { n: w.name };
  if (w.role) out.r = w.role;
  if (w.userId) out.u = w.userId;
  return out;
}

export function fromWire(w: WireWriter | null | undefined): Writer | null {
  if (!w || typeof w.n !== 'string' || !w.n) return null;
  const out: Writer = { name: w.n, role: isRole(w.r) ? w.r : null };
  if (typeof w.u === 'string' && w.u) out.userId = w.u;
  return out;
}

export const encodeWriter = (w: Writer): string => JSON.stringify(toWire(w));

export function decodeWriter(s: string | null | undefined): Writer | null {
  if (!s) return null;
  try {
    return fromWire(JSON.parse(s) as WireWriter);
  } catch {
    return null;
  }
}
