import { app, BrowserWindow, dialog, ipcMain, powerMonitor, safeStorage, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBackend } from '../db/backend.js';
import { registerAuth, type LazyBackend } from './auth.js';
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
  const os = osUnlocker(safeStorage, process.platform);
  const opened = os.ok ? await startBackend(profileDir, { nativeBinding, unlock: os.unlock }) : undefined;
  if (!os.ok) console.warn(`[red-channel] no usable OS keychain (${os.reason}): the store is unlocked with a passphrase`);
  backend = registerAuth(ipcMain, profileDir, (passphrase) => startBackend(profileDir, { nativeBinding, unlock: { kind: 'passphrase', passphrase } }), trusted, opened);
  registerApi(ipcMain, backend, trusted);
  registerPrint(ipcMain, {
    showSaveDialog: (sender, options) => {
      const win = BrowserWindow.fromWebContents(sender);
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
    writeFile: (path, data) => writeFile(path, data),
    defaultDir: () => app.getPath('documents'),
  }, trusted);
  lockOnSleep(powerMonitor, () => BrowserWindow.getAllWindows());
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', async () => {
  await backend?.current()?.close();
  if (process.platform !== 'darwin') app.quit();
});

