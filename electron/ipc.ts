import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../shared/core/errors.js';

export const API_CHANNEL = 'rc:api';

interface Caller {
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
}

/** One generic handler: the backend validates against the contract and runs the operation. */
export function registerApi(ipcMain: IpcMain, backend: Caller, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(API_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求', messageEn: 'Untrusted sender', issues: [] } };
    }
    return backend.call(name, input);
  });
}
