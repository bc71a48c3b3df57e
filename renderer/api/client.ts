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
  /** Electron: sign-in, sign-out and device users over IPC (electron/auth.ts). */
  auth?(what: AuthPath, body?: unknown): Promise<Envelope<unknown>>;
  /** Electron: the OS slept or locked its screen; main has already closed the store. */
  onLock?(listener: () => void): () => void;
}

type AuthPath = 'status' | 'signin' | 'signout' | 'remove' | 'users.add' | 'users.remove';

/** A person who may sign in on this device (several share an outlet PC). */
export interface DeviceUser {
  id: string;
  /** Empty: the device owner who set the passphrase before names were asked. */
  name: string;
  role: 'owner' | 'organiser' | 'staff';
  secretKind: 'pin' | 'passphrase';
}

declare global {
  interface Window {
    rcApi?: Transport;
  }
}

/** Browser mode's session is an httpOnly cookie set by signing in: the page holds no secret. */
function httpTransport(): Transport {
  return {
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: '无法连接本机服务，请确认程序仍在运行', messageEn: 'Cannot reach the local service', issues: [] } };
      }
      if (res.status === 401) for (const l of signedOutListeners) l();
      return (await res.json()) as Envelope<unknown>;
    },
  };
}

const signedOutListeners = new Set<() => void>();
/** Browser mode: told when the server no longer knows this page's session (restarted, wiped). */
export function onSignedOut(l: () => void): () => void {
  signedOutListeners.add(l);
  return () => signedOutListeners.delete(l);
}

export interface AuthStatus {
  /** False in Electron (its store is unlocked by the OS keychain) and when a test sets the transport. */
  required: boolean;
  hasKey: boolean;
  signedIn: boolean;
  users: DeviceUser[];
  /** Who is signed in (null: Electron's keychain, nobody in particular). */
  user: DeviceUser | null;
}

async function authRequest<T>(path: AuthPath, body?: unknown): Promise<T> {
  const ipc = window.rcApi?.auth;
  if (ipc) {
    const env = (await ipc(path, body)) as Envelope<T>;
    if (!env.ok) throw new ApiCallError(env.error);
    return env.data;
  }
  const init: RequestInit = path === 'status' ? { method: 'GET' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) };
  let res: Response;
  try {
    res = await fetch(`auth/${path}`, init);
  } catch {
    throw new ApiCallError({ code: 'internal', message: '无法连接本机服务，请确认程序仍在运行', messageEn: 'Cannot reach the local service', issues: [] });
  }
  const env = (await res.json()) as Envelope<T>;
  if (!env.ok) throw new ApiCallError(env.error);
  return env.data;
}

export async function authStatus(): Promise<AuthStatus> {
  if (transportSet || (window.rcApi && !window.rcApi.auth)) return { required: false, hasKey: true, signedIn: true, users: [], user: null };
  return authRequest<AuthStatus>('status');
}

/** Opens this device's data with a user's PIN or passphrase (on first use, sets the owner's passphrase). */
export async function signIn(passphrase: string, who: { userId?: string; ownerName?: string } = {}): Promise<void> {
  await authRequest<DeviceUser | null>('signin', { passphrase, ...who });
}

export async function signOut(): Promise<void> {
  await authRequest<null>('signout');
}

/** The user's own "remove this device's data": the passphrase again, then the server wipes key, store and files. */
export async function removeDeviceData(passphrase: string): Promise<void> {
  await authRequest<null>('remove', { passphrase });
}

/** Adds a user of this device; `passphrase` is the manager's own PIN or passphrase, checked again. */
export async function addDeviceUser(passphrase: string, user: { name: string; role: DeviceUser['role']; secretKind: DeviceUser['secretKind']; secret: string }): Promise<DeviceUser> {
  return authRequest<DeviceUser>('users.add', { passphrase, user });
}

export async function removeDeviceUser(passphrase: string, userId: string): Promise<DeviceUser[]> {
  return authRequest<DeviceUser[]>('users.remove', { passphrase, userId });
}

/** Electron: called when the OS sleeps or locks its screen. Browser mode has no such event (the idle lock covers it). */
export function onOsLock(l: () => void): () => void {
  return window.rcApi?.onLock?.(l) ?? (() => undefined);
}

let transport: Transport | undefined;
/** Set by a test, as opposed to the one picked on first use (which must not skip browser mode's sign-in). */
let transportSet = false;

export function setTransport(t: Transport): void {
  transport = t;
  transportSet = true;
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
