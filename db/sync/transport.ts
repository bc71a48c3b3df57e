// The device's own way to HQ (node:http / node:https, kept-alive connections). Unlike fetch it hands
// back the bytes exactly as they crossed the network, so the client (db/sync/client.ts) decides how
// to decode them — within a bound — and can tell what it really sent and received.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface RawRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as received (still compressed when HQ compressed it). */
  body: Buffer;
}

export type RawTransport = (url: string, init: RawRequest) => Promise<RawAnswer>;

/** No answer of HQ's comes near this on the wire; anything longer is not HQ speaking. */
const MAX_WIRE_BYTES = 64 * 1024 * 1024;

/**
 * A transport with connections of its own (kept alive, at most 4 at once to a host). The app has one
 * device per process and uses `nodeTransport`; the load benchmark simulates a thousand devices in one
 * process, and each must have its own connections, as a device does, not queue behind the others' four.
 */
export function ownTransport(): RawTransport {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 4 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 4 }) };
  return (url, init) => send(agents, url, init);
}

export const nodeTransport: RawTransport = ownTransport();

function send(agents: { http: HttpAgent; https: HttpsAgent }, url: string, init: RawRequest): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve, reject) => {
    const u = new URL(url);
    const tls = u.protocol === 'https:';
    const body = init.body === undefined ? undefined : typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : init.body;
    const headers: Record<string, string> = { ...init.headers };
    if (body) headers['content-length'] = String(body.length);
    const req = (tls ? httpsRequest : httpRequest)(u, { method: init.method, headers, agent: tls ? agents.https : agents.http, signal: init.signal }, (res) => {
      const parts: Buffer[] = [];
      let n = 0;
      res.on('data', (c: Buffer) => {
        n += c.length;
        if (n > MAX_WIRE_BYTES) {
          res.destroy(new Error('answer too long'));
          return;
        }
        parts.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
