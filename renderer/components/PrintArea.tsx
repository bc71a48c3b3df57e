// Printing one document alone and saving it as PDF, for any feature: while a PrintArea is mounted,
// print media shows only its copy (a child of <body>), and savePdf hands the page to Electron's
// printToPDF through the preload or, in browser mode, to Chromium's print dialog ("Save as PDF").
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Transport } from '../api/client';

const PRINT_CSS = (landscape: boolean) => `
.rc-print-area { display: none; }
@media print {
  @page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm 10mm; }
  html, body { background: #fff !important; height: auto !important; overflow: visible !important; }
  body > *:not(.rc-print-area) { display: none !important; }
  .rc-print-area { display: block !important; font-size: 11px; color: #000; }
  .rc-print-area table { border-collapse: collapse; width: 100%; }
  .rc-print-area th, .rc-print-area td { border: 1px solid #999; padding: 2px 4px; }
}`;

export function PrintArea({ children, landscape = false }: { children: ReactNode; landscape?: boolean }) {
  return (
    <>
      <style>{PRINT_CSS(landscape)}</style>
      {createPortal(<div className="rc-print-area">{children}</div>, document.body)}
    </>
  );
}

interface PrintBridge {
  printToPdf?(req: { fileName: string; landscape?: boolean }): Promise<{ saved: boolean; path?: string; reason?: string; message?: string }>;
}

export type PdfOutcome = { via: 'electron'; saved: boolean; path?: string; message?: string } | { via: 'browser' };

export async function savePdf(fileName: string, landscape = false): Promise<PdfOutcome> {
  const bridge = window.rcApi as (Transport & PrintBridge) | undefined;
  if (bridge?.printToPdf) {
    const r = await bridge.printToPdf({ fileName, landscape });
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
