// Content coding of sync bodies (node:zlib), the same for device (db/sync/client.ts) and HQ
// (hq/encoding.ts). JSON of rows and stamps repeats itself heavily, so brotli or gzip cut a first
// sync and a push to a fraction. Decoding is always bounded: a small body that inflates past the
// limit (a "zip bomb") is refused before it can fill memory, and a cut-off body is refused too.
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync, constants, gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip';
/** What each side offers, best first. */
export const CODINGS: readonly Coding[] = ['br', 'gzip'];
/** Below this a body is sent as it is: the coding's header would cost more than it saves. */
export const MIN_CODED_BYTES = 1024;
/** From this size a body is coded for speed (brotli quality 1) rather than size. */
export const LARGE_BODY = 256 * 1024;

/**
 * A body up to this size is coded on the calling thread. A daily sync's bodies are a few KB: coding one
 * takes 0.01–0.03 ms, and the asynchronous path (a stream, a hop to the thread pool and back) cost
 * 0.08–0.1 ms of CPU around it, ~4× the work itself; under the thousand-device load zlib's JavaScript
 * side was ~1 s of each HQ process. Larger bodies (a first sync's pages) stay off the event loop.
 */
export const SYNC_CODED_BYTES = 64 * 1024;

const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
const gz = promisify(gzip);
const ungz = promisify(gunzip);

function offered(accept: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    out.set(name!.trim(), q ? Number(q[1]) : 1);
  }
  return out;
}

/** Whether an Accept-Encoding header takes `coding` (q=0 refuses it). */
export function acceptsCoding(accept: string | undefined, coding: Coding): boolean {
  if (!accept) return false;
  const o = offered(accept);
  return (o.get(coding) ?? o.get('*') ?? 0) > 0;
}

/** The coding to answer with, from an Accept-Encoding header. */
export function pickCoding(accept: string | undefined): Coding | null {
  return CODINGS.find((c) => acceptsCoding(accept, c)) ?? null;
}

/** Codings named in a header (HQ's answer lists those it takes in requests, RFC 7694). */
export function codingsIn(header: string | undefined | null): Coding[] {
  if (!header) return [];
  const names = header.toLowerCase().split(',').map((s) => s.trim().split(';')[0]);
  return CODINGS.filter((c) => names.includes(c));
}

export async function encodeBody(body: Buffer, coding: Coding): Promise<Buffer> {
  const small = body.length <= SYNC_CODED_BYTES;
  if (coding === 'gzip') return small ? gzipSync(body, { level: 6 }) : gz(body, { level: 6 });
  // Quality 5 keeps most of brotli's gain at a small part of its highest setting's time; a big body
  // (a first sync's chunk, a full push batch) takes quality 1, about 2.5× faster for ~25% more bytes,
  // so that compressing never becomes the slow part of a first sync on a fast network.
  const quality = body.length >= LARGE_BODY ? 1 : 5;
  const opts = { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } };
  return small ? brotliCompressSync(body, opts) : brotli(body, opts);
}

/** The output chunk of a large decode: a push of 1,000 rows inflates in one. */
const LARGE_CHUNK = 1024 * 1024;

export type DecodeProblem = 'unknown_coding' | 'too_large' | 'corrupt';

export class WireDecodeError extends Error {
  constructor(
    readonly problem: DecodeProblem,
    readonly coding: string,
  ) {
    super(`${problem} (${coding})`);
  }
}

/** Decodes `body` sent with Content-Encoding `coding`, refusing more than `maxBytes` once decoded. */
export async function decodeBody(body: Buffer, coding: string, maxBytes: number): Promise<Buffer> {
  const c = coding.trim().toLowerCase();
  if (c === '' || c === 'identity') return body;
  if (c !== 'br' && c !== 'gzip') throw new WireDecodeError('unknown_coding', c);
  // Small on the wire is not small decoded: a small body inflates on the calling thread only up to the
  // same bound, SYNC_CODED_BYTES decoded at most, and one that would inflate further is decoded off it.
  const opts = { maxOutputLength: Math.min(maxBytes, SYNC_CODED_BYTES) };
  try {
    if (body.length <= SYNC_CODED_BYTES / 4) {
      try {
        return c === 'gzip' ? gunzipSync(body, opts) : brotliDecompressSync(body, opts);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE' || maxBytes <= SYNC_CODED_BYTES) throw e;
      }
    }
    // Off the calling thread, zlib hands its output back one chunk at a time, each chunk a hop to the
    // thread pool and back: at its default 16 KiB a push of 1,000 rows (~600 KB) made ~40 hops, and a
    // province's first push spent 110–230 ms inflating against 50–60 ms in 1 MiB chunks.
    const large = { maxOutputLength: maxBytes, chunkSize: Math.min(maxBytes, LARGE_CHUNK) };
    return c === 'gzip' ? await ungz(body, large) : await unbrotli(body, large);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new WireDecodeError(code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'corrupt', c);
  }
}
