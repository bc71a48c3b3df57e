import { app, BrowserWindow, dialog, ipcMain, powerMonitor, safeStorage, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBackend } from '../db/backend.js';
import { readWrap } from '../db/vault/keywrap.js';
import { registerAuth, type LazyBackend } from './auth.js';
import { profileGate } from './browser/gate.js';
import { registerApi } from './ipc.js';
import { electronNativeBinding } from './paths.js';
import { lockOnSleep } from './powerLock.js';
import { registerPrint } from './print.js';
import { isAllowedNavigation, WEB_PREFERENCES, withCsp } from './security.js';
import { osUnlocker } from './vault.js';

let backend: LazyBackend | undefined;

async function createWindow(): Promise<void> {
  const appPath = app.getAppPath();
  const indexFile = join(appPath, 'dist', 'renderer', 'index.html');
  const indexUrl = pathToFileURL(indexFile).toString();
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    title: '红色渠道',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: join(import.meta.dirname, 'preload.cjs') },
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url, indexUrl)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  await win.loadFile(indexFile);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => cb({ responseHeaders: withCsp(details.responseHeaders) }));
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  const profileDir = process.env.RC_PROFILE ?? join(app.getPath('userData'), 'profiles', 'default');
  const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged);
  const trusted = (event: Electron.IpcMainInvokeEvent) => (event.senderFrame?.url ?? '').startsWith('file:');
  // The store key is wrapped by the OS keychain; without a real one the user signs in with a passphrase.
  // Once users with PINs exist the store opens only when one of them signs in, so a lock means something.
  const os = osUnlocker(safeStorage, process.platform);
  const users = readWrap(profileDir)?.users?.length ?? 0;
  const opened = os.ok && !users ? await startBackend(profileDir, { nativeBinding, unlock: os.unlock }) : undefined;
  if (!os.ok) console.warn(`[red-channel] no usable OS keychain (${os.reason}): the store is unlocked with a passphrase`);
  const gate = profileGate(profileDir, {
    ...(opened ? { backend: opened, closeGiven: true } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(os.ok ? { keychain: os.keychain } : {}),
  });
  backend = registerAuth(ipcMain, gate, trusted, os.ok ? os.unlock : undefined);
  registerApi(ipcMain, backend, trusted);
  registerPrint(ipcMain, {
    showSaveDialog: (sender, options) => {
      const win = BrowserWindow.fromWebContents(sender);
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
    writeFile: (path, data) => writeFile(path, data),
    defaultDir: () => app.getPath('documents'),
  }, trusted);
  lockOnSleep(powerMonitor, () => BrowserWindow.getAllWindows(), () => backend?.lock() ?? Promise.resolve());
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', async () => {
  await backend?.current()?.close();
  if (process.platform !== 'darwin') app.quit();
});

