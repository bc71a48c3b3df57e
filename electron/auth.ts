// Electron without a usable keychain: the window shows the same sign-in screen as browser mode, and
// the passphrase comes over IPC (`rc:auth`) to open the store. Until then every API call is refused.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Backend } from '../db/backend.js';
import type { Envelope } from '../shared/core/errors.js';
import { ApiError } from '../shared/core/errors.js';
import { hasKey } from '../db/vault/unlock.js';

export const AUTH_CHANNEL = 'rc:auth';

export interface LazyBackend {
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  current(): Backend | undefined;
}

const notSignedIn: Envelope<unknown> = { ok: false, error: { code: 'forbidden', message: '请先登录', messageEn: 'Sign in first', issues: [] } };

/** Registers the sign-in channel; `open` starts the backend with the passphrase (wrong ones are counted there). */
export function registerAuth(
  ipcMain: IpcMain,
  profileDir: string,
  open: (passphrase: string) => Promise<Backend>,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
  initial?: Backend,
): LazyBackend {
  let backend = initial;
  let opening: Promise<Backend> | undefined;
  ipcMain.handle(AUTH_CHANNEL, async (event, what: unknown, passphrase: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求', messageEn: 'Untrusted sender', issues: [] } };
    if (what === 'status') return { ok: true, data: { hasKey: !!backend || hasKey(profileDir), signedIn: !!backend } };
    if (what !== 'signin') return { ok: false, error: { code: 'unknown_operation', message: '未知操作', messageEn: 'Unknown operation', issues: [] } };
    if (backend) return { ok: true, data: null };
    try {
      opening ??= open(typeof passphrase === 'string' ? passphrase : '');
      backend = await opening;
      backend.onDestroyed(() => (backend = undefined));
      return { ok: true, data: null };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toBody() };
      throw e;
    } finally {
      opening = undefined;
    }
  });
  return {
    call: async (name, input) => (backend ? backend.call(name, input) : notSignedIn),
    current: () => backend,
  };
}
