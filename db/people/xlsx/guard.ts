// Checks an uploaded workbook before any parser sees it: the format (a real .xlsx zip, not an old
// .xls, a CSV or a renamed file), its size, and what it inflates to. Every entry is actually
// inflated with a hard output cap, so a zip that lies about its sizes (a zip bomb) is caught too.
import { inflateRawSync } from 'node:zlib';
import { ApiError } from '../../../shared/core/errors.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/people/schemas/import.js';

/** What the workbook may inflate to in all: a 20,000-row roster is 12–25 MB of XML; the parser
 *  needs roughly 40× that in memory, so this also bounds memory and time. */
export const MAX_INFLATED_BYTES = 60 * 1024 * 1024;
const MAX_ENTRIES = 2000;
/** Title, note and header rows above and below the data. */
const ROW_SLACK = 50;

export function fileError(zh: string, en: string): ApiError {
  return new ApiError('validation', zh, en, [{ path: 'file', message: zh, messageEn: en }]);
}

function sniff(buf: Buffer): 'zip' | 'ole' | 'text' | 'unknown' {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  const head = buf.subarray(0, 512).toString('utf8');
  if (/^[\uFEFF\s]*[<\w"\u4e00-\u9fff]/.test(head) && !head.includes('\u0000')) return 'text';
  return 'unknown';
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

function centralDirectory(buf: Buffer): Entry[] {
  const broken = () => fileError('文件已损坏，无法作为Excel工作簿打开。请在Excel中打开后另存为 .xlsx 再导入', 'The file is damaged and cannot be opened as a workbook');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw broken(); // zip64: never an office file this small
  if (count > MAX_ENTRIES) throw fileError('文件结构异常（包含的部件过多），已拒绝导入', 'Too many parts in the file');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw broken();
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function inflateEntry(buf: Buffer, e: Entry, budget: number): Buffer {
  const h = e.offset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw fileError('文件已损坏（压缩数据不完整）', 'The file is damaged (truncated data)');
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (data.length !== e.compressed) throw fileError('文件已损坏（压缩数据不完整）', 'The file is damaged (truncated data)');
  if (e.method === 0) return data;
  if (e.method !== 8) throw fileError('文件使用了不支持的压缩方式，请在Excel中另存为 .xlsx', 'Unsupported compression; save again as .xlsx');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || (err as Error).message.includes('maxOutputLength'))
      throw fileError('文件解压后体积异常巨大，可能是恶意文件，已拒绝导入', 'The file inflates to an abnormal size and was refused');
    throw fileError('文件已损坏（压缩数据无法解开）', 'The file is damaged (bad compressed data)');
  }
}

/** Refuses anything that is not a sound, reasonably sized .xlsx workbook; returns nothing on success. */
export function guardWorkbook(buf: Buffer, fileName: string): void {
  if (buf.length === 0) throw fileError('文件是空的', 'The file is empty');
  if (buf.length > MAX_IMPORT_BYTES) throw fileError('文件过大（上限10MB），请按县（区）拆分后分批导入', 'File too large (10 MB at most)');
  const kind = sniff(buf);
  if (kind === 'ole')
    throw fileError('这是旧版 .xls 文件或加密的工作簿。请在Excel中打开，取消密码后“另存为” .xlsx 格式再导入', 'An old .xls or encrypted workbook: save it as .xlsx first');
  if (kind === 'text')
    throw fileError(`“${fileName}”是文本文件（如CSV），不是Excel工作簿。请在Excel中另存为 .xlsx 再导入`, 'A text file (e.g. CSV), not a workbook: save it as .xlsx');
  if (kind !== 'zip') throw fileError(`“${fileName}”不是Excel工作簿（.xlsx），请检查文件`, 'Not an .xlsx workbook');
  const entries = centralDirectory(buf);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    throw fileError(`“${fileName}”是压缩包，但不是Excel工作簿（.xlsx）`, 'A zip archive but not a workbook');
  let budget = MAX_INFLATED_BYTES;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.size > budget) throw fileError('文件解压后体积异常巨大，可能是恶意文件，已拒绝导入', 'The file inflates to an abnormal size and was refused');
    const out = inflateEntry(buf, e, Math.min(budget, e.size + 1));
    if (out.length !== e.size) throw fileError('文件已损坏（部件大小与记录不符）', 'The file is damaged (size mismatch)');
    budget -= out.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = countRows(out);
      if (rows > MAX_IMPORT_ROWS + ROW_SLACK)
        throw fileError(`工作表行数过多（约${rows}行），单次最多导入${MAX_IMPORT_ROWS}行，请拆分后分批导入`, `Too many rows (${rows}); at most ${MAX_IMPORT_ROWS} per import`);
    }
  }
}

/** Counts <row> elements, with or without a namespace prefix (<x:row>), without parsing the XML. */
function countRows(xml: Buffer): number {
  return xml.toString('latin1').match(/<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g)?.length ?? 0;
}
