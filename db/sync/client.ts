// The device's HTTP client to HQ (global fetch). Every failure becomes a SyncFailure with a
// reason a person can read, in Chinese first.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { errorAnswer, HEADERS } from '../../shared/sync/protocol.js';

export type FailureKind = 'offline' | 'refused' | 'revoked' | 'protocol' | 'clock';

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly zh: string,
    readonly en: string,
    readonly status = 0,
    readonly code = kind as string,
    readonly hqTime?: number,
    /** The whole refusal as HQ sent it (some carry more than the reason, e.g. a relay answer). */
    readonly detail?: unknown,
  ) {
    super(en);
  }
}

export interface Credentials {
  deviceId: string;
  secret: string;
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface ClientOptions {
  url: string;
  creds?: Credentials;
  /** HQ's time as this device best knows it (its clock plus the learned offset). */
  hqNow: () => number;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Told HQ's time when HQ refuses a request as stale (the device clock is off); the call is then retried once. */
  learn?: (hqTime: number) => void;
}

export function normaliseHqUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export class HqClient {
  constructor(private readonly o: ClientOptions) {}

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    try {
      return await this.once(path, body, schema);
    } catch (e) {
      if (!(e instanceof SyncFailure) || e.kind !== 'clock' || e.hqTime === undefined || !this.o.learn) throw e;
      this.o.learn(e.hqTime);
      return this.once(path, body, schema);
    }
  }

  private async once<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.o.creds) {
      headers.authorization = `Bearer ${this.o.creds.secret}`;
      headers[HEADERS.device] = this.o.creds.deviceId;
      headers[HEADERS.nonce] = randomBytes(16).toString('base64url');
      headers[HEADERS.time] = String(Math.round(this.o.hqNow()));
    }
    const f = this.o.fetch ?? (globalThis.fetch as unknown as FetchLike);
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.o.timeoutMs ?? 30_000);
    let status: number;
    let text: string;
    try {
      const res = await f(`${normaliseHqUrl(this.o.url)}${path}`, { method: 'POST', headers, body: JSON.stringify(body), signal: ctl.signal });
      status = res.status;
      text = await res.text();
    } catch {
      throw new SyncFailure('offline', '无法连接总部服务器（网络不通或服务器未开启）。数据已安全保存在本机，恢复连接后会自动同步', 'Cannot reach HQ; data is kept on this device and will sync when HQ is reachable');
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncFailure('protocol', '总部服务器返回了无法识别的内容，请检查服务器地址是否正确', 'HQ answered with something that is not JSON: is the URL right?', status);
    }
    if (status >= 400) {
      const e = errorAnswer.safeParse(json);
      if (!e.success) throw new SyncFailure('protocol', `总部服务器拒绝了请求（${status}）`, `HQ refused the request (${status})`, status);
      const kind: FailureKind = e.data.wipe ? 'revoked' : e.data.error === 'stale_request' ? 'clock' : 'refused';
      throw new SyncFailure(kind, e.data.zh, e.data.en, status, e.data.error, e.data.hqTime, json);
    }
    const ok = schema.safeParse(json);
    if (!ok.success) throw new SyncFailure('protocol', '总部服务器的应答格式不符，请确认双方版本一致', 'HQ answer does not match the protocol', status);
    return ok.data;
  }
}
