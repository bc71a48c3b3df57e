// Reads a guarded .xlsx (guard.ts) into plain cells per sheet. Formulas are reported as such, never
// evaluated or trusted; merged cells carry their master's value (rosters merge a branch name down
// over all of its members).
import ExcelJS from 'exceljs';
import type { Cell } from '../../../shared/people/cells.js';
import { fileError, guardWorkbook } from './guard.js';

export interface SheetCells {
  name: string;
  hidden: boolean;
  /** rows[r][c], 0-based; trailing blank rows dropped. */
  rows: Cell[][];
}

const MAX_COLUMNS = 200;
const EMPTY: Cell = { t: 'empty' };

function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'number', v } : { t: 'error', v: 'NaN' };
  if (typeof v === 'string') return { t: 'text', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { t: 'error', v: 'date' } : { t: 'date', v: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { t: 'formula' };
    if ('error' in v) return { t: 'error', v: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText)) return { t: 'text', v: v.richText.map((r) => r.text ?? '').join('') };
    if ('text' in v && typeof v.text === 'string') return { t: 'text', v: v.text };
  }
  return { t: 'error', v: 'unknown' };
}

function cellOf(cell: ExcelJS.Cell): Cell {
  // A slave of a merged range reads as its master.
  const c = cell.isMerged && cell.master && cell.master !== cell ? cell.master : cell;
  return toCell(c.value);
}

export async function readWorkbook(buf: Buffer, fileName: string): Promise<SheetCells[]> {
  guardWorkbook(buf, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fileError(`无法读取“${fileName}”：文件已损坏或不是Excel工作簿。请在Excel中打开后另存为 .xlsx 再导入`, 'The workbook could not be read');
  }
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    const width = Math.min(ws.columnCount, MAX_COLUMNS);
    ws.eachRow({ includeEmpty: true }, (row, rowNo) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c)));
      while (rows.length < rowNo - 1) rows.push([]);
      rows[rowNo - 1] = cells;
    });
    while (rows.length && rows[rows.length - 1]!.every((c) => c.t === 'empty')) rows.pop();
    return { name: ws.name, hidden: ws.state !== 'visible', rows };
  });
}
