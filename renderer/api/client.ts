// The renderer's only way to the backend. It picks the transport (Electron preload or the
// browser-mode HTTP server); nothing else in the renderer knows which shell it runs in.
import type { Input, OpName, Result } from '../../shared/contract/index.js';
import type { ApiErrorBody, Envelope } from '../../shared/core/errors.js';

export class ApiCallError extends Error {
  constructor(public readonly body: ApiErrorBody) {
    super(body.message);
  }
}

export interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    rcApi?: Transport;
  }
}

function httpTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="rc-api-token"]')?.content ?? '';
  return {
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rc-token': token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: '无法连接本机服务，请确认程序仍在运行', messageEn: 'Cannot reach the local service', issues: [] } };
      }
      return (await res.json()) as Envelope<unknown>;
    },
  };
}

let transport: Transport | undefined;

export function setTransport(t: Transport): void {
  transport = t;
}

function current(): Transport {
  transport ??= window.rcApi ?? httpTransport();
  return transport;
}

export async function call<K extends OpName>(name: K, input: Input<K>): Promise<Result<K>> {
  const r = await current().invoke(name, input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.data as Result<K>;
}

export const api = { call };
