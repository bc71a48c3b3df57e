// Saving the current page as PDF (the record book) in the Electron app: the renderer asks through
// the preload, main renders with printToPDF and writes where the user chooses. Kept free of
// Electron imports (the pieces come in as arguments) so it is unit-tested with plain fakes.
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions, SaveDialogReturnValue } from 'electron';

export const PRINT_CHANNEL = 'rc:print-pdf';

export interface PrintRequest {
  /** Suggested file name, e.g. 骊山路党支部三会一课记录（2026年11月）.pdf */
  fileName: string;
  landscape?: boolean;
}

export type PrintResult = { saved: true; path: string; bytes: number } | { saved: false; reason: 'cancelled' | 'refused' | 'failed'; message?: string };

/** What printing needs from Electron and the file system, passed in by main.ts. */
export interface PrintDeps {
  showSaveDialog(sender: IpcMainInvokeEvent['sender'], options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  defaultDir(): string;
}

/** A file name the user's file system accepts, ending in .pdf. */
export function pdfFileName(raw: unknown): string {
  const base = (typeof raw === 'string' ? raw : '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names may not hold
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\.pdf$/i, '')
    .trim()
    .slice(0, 120);
  return `${base || '红色渠道'}.pdf`;
}

export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}

export function registerPrint(ipcMain: Pick<IpcMain, 'handle'>, deps: PrintDeps, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, req: unknown): Promise<PrintResult> => {
    if (!isTrustedSender(event)) return { saved: false, reason: 'refused', message: '拒绝来自未知页面的请求' };
    const r = (typeof req === 'object' && req !== null ? req : {}) as Partial<PrintRequest>;
    try {
      // Rendered with the page's print stylesheet: only the record book, on A4.
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, landscape: r.landscape === true, preferCSSPageSize: true });
      const sep = deps.defaultDir().includes('\\') ? '\\' : '/';
      const choice = await deps.showSaveDialog(event.sender, {
        title: '保存为PDF',
        defaultPath: `${deps.defaultDir()}${sep}${pdfFileName(r.fileName)}`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return { saved: false, reason: 'cancelled' };
      const path = withPdfExtension(choice.filePath);
      await deps.writeFile(path, pdf);
      return { saved: true, path, bytes: pdf.length };
    } catch (e) {
      return { saved: false, reason: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  });
}
