// Saving the page as PDF: in the Electron app main's printToPDF (through the preload), in browser
// mode Chromium's own print dialog, where "Save as PDF" is the destination.
import type { Transport } from '../../../api/client';

interface PrintBridge {
  printToPdf?(req: { fileName: string; landscape?: boolean }): Promise<{ saved: boolean; path?: string; reason?: string; message?: string }>;
}

export type PrintOutcome = { via: 'electron'; saved: boolean; path?: string; message?: string } | { via: 'browser' };

export async function savePageAsPdf(fileName: string): Promise<PrintOutcome> {
  const bridge = window.rcApi as (Transport & PrintBridge) | undefined;
  if (bridge?.printToPdf) {
    const r = await bridge.printToPdf({ fileName });
    return { via: 'electron', saved: r.saved, path: r.path, message: r.message };
  }
  // Chromium suggests the document title as the PDF's file name.
  const title = document.title;
  document.title = fileName;
  try {
    window.print();
  } finally {
    document.title = title;
  }
  return { via: 'browser' };
}
