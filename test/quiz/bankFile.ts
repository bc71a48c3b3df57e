// Question bank workbooks for tests, written with exceljs like a user's Excel would: header row,
// question rows, and optionally a formula cell.
import ExcelJS from 'exceljs';
import { BANK_HEADERS } from '../../shared/quiz/bank.js';

export type BankRow = (string | number | { formula: string; result: string })[];

export async function bankFile(rows: BankRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  ws.addRow([...BANK_HEADERS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `perLevel` good single-choice questions per level; the answer is always A. */
export const goodRows = (levels: number, perLevel: number, tag = ''): BankRow[] =>
  Array.from({ length: levels * perLevel }, (_, i) => ['单选', `${tag}第${Math.floor(i / perLevel) + 1}关题目${(i % perLevel) + 1}：哪一项正确？`, '正确项', '干扰项一', '干扰项二', '干扰项三', '', '', 'A', `这是第${i + 1}题的解析`, '党规党纪', '中', Math.floor(i / perLevel) + 1]);
