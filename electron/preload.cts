// Sandboxed preload: exposes one narrow function; the renderer's API client builds the typed
// methods from the shared contract on top of it.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('rcApi', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('rc:api', name, input),
  // Sign-in when the OS keychain cannot hold the store key (electron/auth.ts).
  auth: (what: 'status' | 'signin', passphrase?: string) => ipcRenderer.invoke('rc:auth', what, passphrase),
  // Saves the current page as PDF through main's printToPDF (electron/print.ts).
  printToPdf: (req: { fileName: string; landscape?: boolean }) => ipcRenderer.invoke('rc:print-pdf', req),
});
