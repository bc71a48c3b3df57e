// Compression on HQ's wire. Answers go out in brotli or gzip when the caller accepts it (and come
// out plain for one that does not), and every answer names the codings HQ takes in requests
// (Accept-Encoding on a response, RFC 7694), which is how a device learns it may compress what it
// sends. A compressed request stays compressed until its signature is checked (hq/server.ts):
// nobody unknown makes HQ inflate anything, and what is inflated is bounded.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CODINGS, decodeBody, encodeBody, MIN_CODED_BYTES, pickCoding, WireDecodeError } from '../shared/node/wireEncoding.js';
import { parsePushLines } from '../shared/node/pushLines.js';
import { LIMITS } from '../shared/sync/protocol.js';
import { HqError } from './errors.js';

/** A request body still in its coding: decoded by `decodedBody` once the caller is known. */
export class CodedBody {
  constructor(
    readonly bytes: Buffer,
    readonly coding: string,
  ) {}
}

type JsonParser = (req: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void) => void;

/** Bodies as received (text, or the compressed bytes): the signature covers exactly these. */
export const rawBodies = new WeakMap<FastifyRequest, string | Buffer>();

/** The length of each request's JSON text, decompressed: what a push is charged (hq/quota.ts) without writing it out again. */
const jsonLengths = new WeakMap<FastifyRequest, number>();
export const jsonLength = (req: FastifyRequest): number | undefined => jsonLengths.get(req);

export function installCodings(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error') as JsonParser;
  parsers.set(app, json);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    const coding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (coding && coding !== 'identity') {
      rawBodies.set(req, buf);
      done(null, new CodedBody(buf, coding));
      return;
    }
    const text = buf.toString('utf8');
    rawBodies.set(req, text);
    jsonLengths.set(req, text.length);
    json(req, text, done);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('accept-encoding', CODINGS.join(', '));
    if (reply.getHeader('content-encoding')) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.isBuffer(payload) ? payload : null;
    if (!body || body.length < MIN_CODED_BYTES) return payload;
    const coding = pickCoding(req.headers['accept-encoding']);
    if (!coding) return payload;
    reply.header('vary', 'accept-encoding');
    reply.header('content-encoding', coding);
    reply.removeHeader('content-length');
    return encodeBody(body, coding);
  });
}

const parsers = new WeakMap<FastifyInstance, JsonParser>();

/** A compressed body this large once inflated, laid out a write a line (shared/node/pushLines.ts), is read line by line. */
const LINES_FROM = 64 * 1024;

/** The body read line by line with Fastify's own parser (its guard against prototype poisoning included), or undefined. */
function byLines(req: FastifyRequest, buf: Buffer, json: JsonParser): unknown {
  if (buf.length < LINES_FROM) return undefined;
  const read = parsePushLines(buf, (text) => {
    let out: { err: Error | null; body?: unknown } | undefined;
    json(req, text, (err, body) => (out = { err, body }));
    if (!out || out.err) throw out?.err ?? new Error('parser did not answer');
    return out.body;
  });
  if (read) jsonLengths.set(req, read.length);
  return read?.value;
}

/** The request's JSON, inflating a compressed body within the body limit (once the caller is authenticated). */
export async function decodedBody(app: FastifyInstance, req: FastifyRequest): Promise<unknown> {
  if (!(req.body instanceof CodedBody)) return req.body;
  const { bytes, coding } = req.body;
  let buf: Buffer;
  try {
    buf = await decodeBody(bytes, coding, LIMITS.bodyBytes);
  } catch (e) {
    if (!(e instanceof WireDecodeError)) throw e;
    if (e.problem === 'unknown_coding')
      throw new HqError(415, 'unsupported_encoding', `总部不支持此压缩格式（${coding}），请以 br 或 gzip 发送`, `HQ does not take the coding ${coding}; send br or gzip`);
    if (e.problem === 'too_large')
      throw new HqError(413, 'too_large', `请求数据解压后超过 ${LIMITS.bodyBytes / 1024 / 1024} MB，已拒绝，未保存任何内容`, `The request is over ${LIMITS.bodyBytes / 1024 / 1024} MB once decompressed; refused, nothing saved`);
    throw new HqError(400, 'bad_encoding', '请求数据的压缩内容损坏或不完整，已拒绝，未保存任何内容', 'The compressed request body is corrupt or cut off; refused, nothing saved');
  }
  const json = parsers.get(app)!;
  const lines = byLines(req, buf, json);
  if (lines) return (req.body = lines);
  const text = buf.toString('utf8');
  jsonLengths.set(req, text.length);
  const parsed = await new Promise<unknown>((resolve, reject) => json(req, text, (err, body) => (err ? reject(new HqError(400, 'malformed', `请求格式不正确（${err.message}）`, `Malformed request (${err.message})`)) : resolve(body))));
  req.body = parsed;
  return parsed;
}
