// The question bank workbook at HQ: the template to fill in, and reading an upload into plain cells.
// Formulas are reported as such (never evaluated): a bank row must hold the text it shows.
import ExcelJS from 'exceljs';
import type { Cell } from '../../shared/people/cells.js';
import { BANK_HEADERS } from '../../shared/quiz/bank.js';
import type { QuizCategory } from '../../shared/quiz/settings.js';
import { HqError } from '../errors.js';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;

function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return { t: 'empty' };
  if (typeof v === 'number') return { t: 'number', v };
  if (typeof v === 'string') return v.trim() ? { t: 'text', v } : { t: 'empty' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (v instanceof Date) return { t: 'date', v: v.toISOString().slice(0, 10) };
  if ('formula' in v || 'sharedFormula' in v) return { t: 'formula' };
  if ('error' in v) return { t: 'error', v: String(v.error) };
  if ('richText' in v && Array.isArray(v.richText)) return { t: 'text', v: v.richText.map((r) => r.text ?? '').join('') };
  if ('text' in v && typeof v.text === 'string') return { t: 'text', v: v.text };
  return { t: 'error', v: 'unknown' };
}

const bad = (zh: string, en: string) => new HqError(400, 'bad_file', zh, en);

/** The first visible sheet holding the header 题干: its header (text), data rows and the header's 1-based row. */
export async function readBankSheet(buf: Buffer): Promise<{ head: string[]; rows: Cell[][]; headerRow: number }> {
  if (buf.length > MAX_BYTES) throw bad('文件超过 10 MB，请拆分后导入', 'The file is over 10 MB; split it');
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw bad('文件不是 .xlsx 工作簿（旧版 .xls 或 CSV 请在 Excel 中另存为 .xlsx）', 'Not an .xlsx workbook (save old .xls or CSV files as .xlsx)');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw bad('文件已损坏，无法作为 Excel 工作簿打开', 'The workbook could not be read');
  }
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    if (ws.rowCount > MAX_ROWS) throw bad(`题目超过 ${MAX_ROWS} 行，请拆分后导入`, `More than ${MAX_ROWS} rows; split the file`);
    const rows: Cell[][] = [];
    const width = Math.min(ws.columnCount, 40);
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c++) cells.push(toCell(row.getCell(c).value));
      while (rows.length < n - 1) rows.push([]);
      rows[n - 1] = cells;
    });
    const at = rows.findIndex((r) => r.some((c) => c.t === 'text' && c.v.trim() === '题干'));
    if (at < 0) continue;
    const head = rows[at]!.map((c) => (c.t === 'text' ? c.v.trim() : ''));
    const data = rows.slice(at + 1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? { t: 'empty' as const }));
    return { head, rows: data, headerRow: at + 1 };
  }
  throw bad('找不到表头“题干”，请使用下载的题库模板', 'No "题干" header found: please use the bank template');
}

/** The template: the columns, two example rows, and the categories HQ knows on a second sheet. */
export async function bankTemplate(categories: QuizCategory[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  ws.columns = BANK_HEADERS.map((h) => ({ header: h, width: h === '题干' || h === '解析' ? 40 : h.startsWith('选项') ? 18 : 10 }));
  ws.addRow(['单选', '党员应当按照规定交纳党费，交纳的周期是？', '每月', '每季度', '每半年', '每年', '', '', 'A', '党员一般按月交纳党费。', categories[0]?.zh ?? '', '易', 1]);
  ws.addRow(['判断', '网格内的渠道网点可以由网格党组织统一覆盖。', '', '', '', '', '', '', '正确', '“网格+党组织”模式。', categories[1]?.zh ?? categories[0]?.zh ?? '', '中', 1]);
  ws.getRow(1).font = { bold: true };
  const cs = wb.addWorksheet('分类');
  cs.columns = [{ header: '分类', width: 16 }, { header: 'Category', width: 20 }, { header: '代码', width: 16 }];
  for (const c of categories) cs.addRow([c.zh, c.en, c.key]);
  const note = wb.addWorksheet('说明');
  note.getColumn(1).width = 90;
  for (const line of [
    '题型：单选、多选或判断。选项从 A 起连续填写（判断题不填选项）。',
    '正确答案：单选填一个字母（如 B），多选填两个及以上（如 ACD），判断填“正确”或“错误”。',
    '分类须为“分类”表中的一项；难度：易、中、难（空白为中）；关卡：1–99 的整数，关卡按顺序解锁。',
    '不要使用公式；有任何一行不正确时整个文件不会导入。',
  ]) note.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
