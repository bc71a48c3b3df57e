// The console's one way to HQ: same-origin calls to /console/api/ with the session cookie (httpOnly:
// the page never holds it) and, on every POST, the session's CSRF token. A refusal comes back as a
// ConsoleError carrying HQ's Chinese and English reason.
import type { ConsoleSession } from '../../shared/console/types.js';

export class ConsoleError extends Error {
  constructor(readonly status: number, readonly code: string, readonly zh: string, readonly en: string) {
    super(en);
  }
}

let csrf = '';

async function answer<T>(r: Response): Promise<T> {
  const body = (await r.json().catch(() => ({}))) as { error?: string; zh?: string; en?: string };
  if (!r.ok) throw new ConsoleError(r.status, body.error ?? 'error', body.zh ?? `总部返回错误 ${r.status}`, body.en ?? `HQ answered ${r.status}`);
  return body as T;
}

export async function get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
  const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  return answer<T>(await fetch(`/console/api/${path}${q ? `?${q}` : ''}`, { credentials: 'same-origin' }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(`/console/api/${path}`, {
    method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-rc-csrf': csrf, 'x-rc-console': '1' }, body: JSON.stringify(body),
  }));
}

export async function session(): Promise<ConsoleSession | null> {
  try {
    const s = await get<ConsoleSession>('session');
    csrf = s.csrf;
    return s;
  } catch (e) {
    if (e instanceof ConsoleError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(userName: string, password: string): Promise<ConsoleSession> {
  const s = await post<ConsoleSession>('signin', { userName, password });
  csrf = s.csrf;
  return s;
}

export async function signOut(): Promise<void> {
  await post('signout', {});
  csrf = '';
}
