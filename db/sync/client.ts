// The device's HTTP client to HQ (global fetch). Every failure becomes a SyncFailure with a
// reason a person can read, in Chinese first.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { SIGNED_SCHEME, signRequest } from '../../shared/node/requestSign.js';
import { CODINGS, codingsIn, decodeBody, encodeBody, MIN_CODED_BYTES, WireDecodeError, type Coding } from '../../shared/node/wireEncoding.js';
import { BRIEF_ANSWERS, errorAnswer, HEADERS, LIMITS, pullAnswer } from '../../shared/sync/protocol.js';
import { isPullAnswer } from '../../shared/sync/pullShape.js';
import { nodeTransport, type RawTransport } from './transport.js';

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
  /** A fetch-like stand-in (tests): plain bodies, answers decoded by it. Without one the device's own transport is used. */
  fetch?: FetchLike;
  /** The device's own transport, replaceable (the benchmark counts bytes on the wire with it). */
  transport?: RawTransport;
  timeoutMs?: number;
  /** Told HQ's time when HQ refuses a request as stale (the device clock is off); the call is then retried once. */
  learn?: (hqTime: number) => void;
  /** Refuse an HQ reached over plain http:// off this machine (reference data sync.requireTls) instead of only warning. */
  requireTls?: boolean;
  /** For a device enrolled before requests were signed: whether it may still register its key with its secret, and how to remember that it no longer may. */
  legacy?: { mayFallBack(): boolean; signedOk(): void };
}

/** A request body already written as JSON text (a push, a write a line: shared/node/pushLines.ts), sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Why this HQ address is unsafe (plain http:// to another machine: what travels can be read on the way), or null. */
export function hqUrlSafety(url: string): { zh: string; en: string; refusedZh: string; refusedEn: string } | null {
  let u: URL;
  try {
    u = new URL(normaliseHqUrl(url));
  } catch {
    return null; // a malformed address fails on its own, with its own message
  }
  if (u.protocol !== 'http:' || LOOPBACK.test(u.hostname)) return null;
  return {
    zh: `警告：总部地址 ${u.host} 使用未加密的 http://，同步内容（含人员信息）在网络上可被他人看到。请让管理员为总部配置 https://`,
    en: `Warning: the HQ address ${u.host} uses unencrypted http://; what is synced (personal data included) can be read on the network. Ask the administrator to put HQ behind https://`,
    refusedZh: `总部地址 ${u.host} 未加密（http://），按系统设置不与其同步。请改用 https:// 地址`,
    refusedEn: `The HQ address ${u.host} is not encrypted (http://); by the settings, this device does not sync with it. Use an https:// address`,
  };
}

export function normaliseHqUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The codings each HQ said it takes in requests (learnt from any of its answers). */
const hqTakes = new Map<string, Coding[]>();

const undecodable = (e: WireDecodeError, status: number) =>
  new SyncFailure('protocol', `总部服务器的应答无法解压（${e.problem === 'too_large' ? '解压后过大' : '内容损坏或不完整'}），本次未写入任何内容，稍后会重试`,
    `HQ's answer could not be decompressed (${e.problem === 'too_large' ? 'too large once decompressed' : 'corrupt or cut off'}); nothing was written, it will be retried`, status, 'bad_encoding');

export class HqClient {
  constructor(private readonly o: ClientOptions) {}

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const text = await this.postText(path, body);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncFailure('protocol', '总部服务器返回了无法识别的内容，请检查服务器地址是否正确', 'HQ answered with something that is not JSON: is the URL right?', 200);
    }
    // A pull page, the bulk of a first sync, is checked by hand first (shared/sync/pullShape.ts).
    if ((schema as z.ZodType) === pullAnswer && isPullAnswer(json)) return json as z.output<S>;
    const ok = schema.safeParse(json);
    if (!ok.success) throw new SyncFailure('protocol', '总部服务器的应答格式不符，请确认双方版本一致', 'HQ answer does not match the protocol', 200);
    return ok.data;
  }

  /** An accepted answer's text as HQ sent it (decoded). */
  async postText(path: string, body: unknown): Promise<string> {
    return (await this.postBytes(path, body)).toString('utf8');
  }

  /** An accepted answer's bytes as HQ sent them (decoded): a first-sync snapshot part is checked against its digest before it is parsed. */
  async postBytes(path: string, body: unknown): Promise<Buffer> {
    const tls = hqUrlSafety(this.o.url);
    if (tls && this.o.requireTls) throw new SyncFailure('refused', tls.refusedZh, tls.refusedEn, 0, 'tls_required');
    try {
      return await this.once(path, body);
    } catch (e) {
      if (!(e instanceof SyncFailure)) throw e;
      // Enrolled before requests were signed: HQ learns the signing key from the old credential, once.
      // Never after a signed request has once been accepted: a forged answer must not talk the device into sending its secret.
      if (e.code === 'sign_key_unknown' && this.o.legacy?.mayFallBack()) return this.once(path, body, true);
      if (e.kind !== 'clock' || e.hqTime === undefined || !this.o.learn) throw e;
      this.o.learn(e.hqTime);
      return this.once(path, body);
    }
  }

  private async once(path: string, body: unknown, legacy = false): Promise<Buffer> {
    // Brief push answers taken (shared/sync/protocol.ts): an older HQ leaves the header unread and answers in full.
    const headers: Record<string, string> = { 'content-type': 'application/json', [HEADERS.accepts]: BRIEF_ANSWERS };
    const payload = body instanceof JsonText ? body.text : JSON.stringify(body);
    const base = normaliseHqUrl(this.o.url);
    let wire: string | Buffer = payload;
    // Compressed only to an HQ that said it takes it, and never with the bare secret of an old enrolment.
    const coding = !this.o.fetch && !legacy && payload.length >= MIN_CODED_BYTES ? hqTakes.get(base)?.[0] : undefined;
    if (coding) {
      wire = await encodeBody(Buffer.from(payload, 'utf8'), coding);
      headers['content-encoding'] = coding;
    }
    if (this.o.creds) {
      const { deviceId, secret } = this.o.creds;
      const nonce = randomBytes(16).toString('base64url');
      const time = String(Math.round(this.o.hqNow()));
      // The secret itself never travels: a signature over this very request does (shared/node/requestSign.ts).
      headers.authorization = legacy ? `Bearer ${secret}` : `${SIGNED_SCHEME} ${signRequest(secret, { method: 'POST', path, body: wire, encoding: coding, deviceId, nonce, time })}`;
      Object.assign(headers, { [HEADERS.device]: deviceId, [HEADERS.nonce]: nonce, [HEADERS.time]: time });
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.o.timeoutMs ?? 30_000);
    let status: number;
    let bytes: Buffer;
    try {
      if (this.o.fetch) {
        const res = await this.o.fetch(`${base}${path}`, { method: 'POST', headers, body: payload, signal: ctl.signal });
        status = res.status;
        bytes = Buffer.from(await res.text(), 'utf8');
      } else {
        headers['accept-encoding'] = CODINGS.join(', ');
        const res = await (this.o.transport ?? nodeTransport)(`${base}${path}`, { method: 'POST', headers, body: wire, signal: ctl.signal });
        status = res.status;
        const takes = codingsIn(res.headers['accept-encoding'] as string | undefined);
        if (takes.length) hqTakes.set(base, takes);
        else hqTakes.delete(base);
        // An HQ that no longer takes the coding (replaced by an older one, or one that dropped it): once more, plain.
        if (coding && status >= 400 && (status === 415 || !takes.includes(coding))) {
          hqTakes.delete(base);
          return await this.once(path, body, legacy);
        }
        try {
          bytes = await decodeBody(res.body, String(res.headers['content-encoding'] ?? ''), LIMITS.answerBytes);
        } catch (e) {
          if (e instanceof WireDecodeError) throw undecodable(e, status);
          throw e;
        }
      }
    } catch (e) {
      if (e instanceof SyncFailure) throw e;
      throw new SyncFailure('offline', '无法连接总部服务器（网络不通或服务器未开启）。数据已安全保存在本机，恢复连接后会自动同步', 'Cannot reach HQ; data is kept on this device and will sync when HQ is reachable');
    } finally {
      clearTimeout(timer);
    }
    if (status >= 400) {
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new SyncFailure('protocol', '总部服务器返回了无法识别的内容，请检查服务器地址是否正确', 'HQ answered with something that is not JSON: is the URL right?', status);
      }
      const e = errorAnswer.safeParse(json);
      if (!e.success) throw new SyncFailure('protocol', `总部服务器拒绝了请求（${status}）`, `HQ refused the request (${status})`, status);
      const kind: FailureKind = e.data.wipe ? 'revoked' : e.data.error === 'stale_request' ? 'clock' : 'refused';
      throw new SyncFailure(kind, e.data.zh, e.data.en, status, e.data.error, e.data.hqTime, json);
    }
    if (this.o.creds && !legacy) this.o.legacy?.signedOk();
    return bytes;
  }
}
