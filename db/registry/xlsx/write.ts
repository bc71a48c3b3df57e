// Writes one-sheet workbooks with exceljs' streaming writer (100k rows in a few seconds, in bounded
// memory). Values are written as plain strings and numbers: a cell text that looks like a formula
// ("=HYPERLINK(…)") stays text, so an export can never carry live formulas to the next reader.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

export interface SheetSpec {
  sheet: string;
  /** An optional title line above the header (e.g. the filter the list was made with). */
  title?: string;
  columns: { header: string; width?: number; text?: boolean }[];
}

export type CellOut = string | number | null | undefined;

export async function writeXlsx(spec: SheetSpec, rows: AsyncIterable<CellOut[]> | Iterable<CellOut[]>): Promise<{ buffer: Buffer; rows: number }> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok, fail) => {
    stream.on('end', ok);
    stream.on('error', fail);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  wb.creator = '红色渠道';
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: spec.title ? 2 : 1 }] });
  ws.columns = spec.columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length * 2 + 2), style: c.text ? { numFmt: '@' } : {} }));
  if (spec.title) ws.addRow([spec.title]).commit();
  const head = ws.addRow(spec.columns.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  let n = 0;
  for await (const r of rows) {
    ws.addRow(r.map((v) => (v === null || v === undefined ? null : v))).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  await done;
  return { buffer: Buffer.concat(chunks), rows: n };
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name safe on every OS, dated, e.g. 党员花名册_2026-11-21.xlsx. */
export function fileNameFor(base: string, today: string): string {
  return `${base.replace(/[\\/:*?"<>|\s]+/g, '_')}_${today}.xlsx`;
}
