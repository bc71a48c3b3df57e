// Saving the record book as PDF in the Electron shell, with Electron's pieces faked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { pdfFileName, PRINT_CHANNEL, registerPrint, withPdfExtension, type PrintDeps } from '../../electron/print.js';

type Handler = (e: unknown, ...a: unknown[]) => Promise<unknown>;

function setup(over: Partial<PrintDeps> = {}, pdf = Buffer.from('%PDF-1.7 fake')) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (ch: string, fn: Handler) => handlers.set(ch, fn) };
  const deps: PrintDeps = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/文档/记录本' })),
    writeFile: vi.fn(async () => {}),
    defaultDir: () => '/home/u/文档',
    ...over,
  };
  registerPrint(ipcMain as never, deps, (e) => (e as unknown as { trusted: boolean }).trusted);
  const printToPDF = vi.fn(async () => pdf);
  const event = (trusted = true) => ({ trusted, sender: { printToPDF } });
  return { handler: handlers.get(PRINT_CHANNEL)!, deps, printToPDF, event };
}

describe('print to PDF', () => {
  it('renders A4 with the print stylesheet and writes where the user chose', async () => {
    const { handler, deps, printToPDF, event } = setup();
    const r = await handler(event(), { fileName: '骊山路党支部三会一课记录（2026年11月）' });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }));
    expect(deps.showSaveDialog).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({
      defaultPath: '/home/u/文档/骊山路党支部三会一课记录（2026年11月）.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }],
    }));
    expect(deps.writeFile).toHaveBeenCalledWith('/home/u/文档/记录本.pdf', expect.any(Buffer));
    expect(r).toEqual({ saved: true, path: '/home/u/文档/记录本.pdf', bytes: 13 });
  });

  it('writes nothing when the user cancels, or when the page is not the app', async () => {
    const { handler, deps, printToPDF, event } = setup({ showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) });
    expect(await handler(event(), { fileName: 'x' })).toEqual({ saved: false, reason: 'cancelled' });
    expect(await handler(event(false), { fileName: 'x' })).toMatchObject({ saved: false, reason: 'refused' });
    expect(printToPDF).toHaveBeenCalledTimes(1);
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('reports a failure instead of throwing into the renderer', async () => {
    const { handler, event } = setup({ writeFile: vi.fn(async () => { throw new Error('disk full'); }) });
    expect(await handler(event(), { fileName: 'x' })).toEqual({ saved: false, reason: 'failed', message: 'disk full' });
  });

  it('makes safe file names', () => {
    expect(pdfFileName('a/b:c*?.pdf')).toBe('a_b_c__.pdf');
    expect(pdfFileName(undefined)).toBe('红色渠道.pdf');
    expect(withPdfExtension('C:\\x\\y.PDF')).toBe('C:\\x\\y.PDF');
  });

  it('the preload exposes printToPdf next to invoke, on the print channel', () => {
    const source = readFileSync(join(process.cwd(), 'electron', 'preload.cts'), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn();
    new Function('require', 'exports', 'module', js)(() => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }), {}, { exports: {} });
    const api = exposeInMainWorld.mock.calls[0]![1] as { printToPdf(r: unknown): unknown };
    api.printToPdf({ fileName: '记录本' });
    expect(invoke).toHaveBeenCalledWith(PRINT_CHANNEL, { fileName: '记录本' });
  });
});
