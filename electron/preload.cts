// Sandboxed preload: exposes one narrow function; the renderer's API client builds the typed
// methods from the shared contract on top of it.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('rcApi', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('rc:api', name, input),
  // Sign-in, sign-out, device users (electron/auth.ts); the body is what the user typed, nothing more.
  auth: (what: string, body?: unknown) => ipcRenderer.invoke('rc:auth', what, body),
  // OS sleep or screen lock (electron/powerLock.ts): main has closed the store; the page shows 已锁定.
  // Only a bare callback crosses the bridge, never the IPC event or ipcRenderer itself.
  onLock: (listener: () => void) => {
    const l = () => listener();
    ipcRenderer.on('rc:lock', l);
    return () => void ipcRenderer.removeListener('rc:lock', l);
  },
  // Saves the current page as PDF through main's printToPDF (electron/print.ts).
  printToPdf: (req: { fileName: string; landscape?: boolean }) => ipcRenderer.invoke('rc:print-pdf', req),
});
