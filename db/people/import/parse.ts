// From the cells of a workbook to roster rows: pick the sheet, find the header row under any title
// rows, map the columns, and keep the data rows. Blank lines are dropped; repeated headers, totals,
// signature lines and notes are left out and listed with the reason (footer.ts).
import { ApiError } from '../../../shared/core/errors.js';
import { tidyText } from '../../../shared/domain/text.js';
import { cellText, isBlank, type Cell } from '../../../shared/people/cells.js';
import { detectHeader, ROSTER_FIELD_KEYS, type RosterField } from '../../../shared/people/headers.js';
import type { ImportIgnoredRow } from '../../../shared/people/types.js';
import type { SheetCells } from '../xlsx/read.js';
import { ignoreReason, REPEATED_HEADER } from './footer.js';

export interface DraftRow {
  /** 1-based, as Excel numbers rows. */
  rowNo: number;
  cells: Partial<Record<RosterField, Cell>>;
}

export interface ParsedSheet {
  sheets: string[];
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  columns: { index: number; header: string; field: RosterField | null }[];
  rows: DraftRow[];
  ignored: ImportIgnoredRow[];
}

function noHeader(sheet: string): ApiError {
  const zh = `在工作表“${sheet}”的前20行中没有找到表头（至少需要“姓名”和另一列，如“身份证号”）。请使用导入模板，或确认表头行的标题`;
  return new ApiError('validation', zh, 'No header row found (a 姓名 column and one more are needed)', [{ path: 'file', message: zh, messageEn: 'No header row' }]);
}

export function parseSheet(sheets: SheetCells[], opts: { sheet?: string; mapping?: (string | null)[] }): ParsedSheet {
  const visible = sheets.filter((s) => !s.hidden);
  if (!visible.length) throw new ApiError('validation', '工作簿中没有可见的工作表', 'The workbook has no visible sheet');
  const texts = (s: SheetCells) => s.rows.slice(0, 20).map((r) => r.map(cellText));
  let chosen: SheetCells | undefined;
  if (opts.sheet) {
    chosen = sheets.find((s) => s.name === opts.sheet);
    if (!chosen) throw new ApiError('validation', `工作簿中没有名为“${opts.sheet}”的工作表`, `No sheet named ${opts.sheet}`);
  } else chosen = visible.find((s) => detectHeader(texts(s))) ?? visible[0]!;

  const guess = detectHeader(texts(chosen));
  if (!guess) throw noHeader(chosen.name);
  const headerCells = chosen.rows[guess.row] ?? [];
  let mapping = guess.mapping;
  if (opts.mapping) {
    const known = new Set<string>(ROSTER_FIELD_KEYS);
    mapping = headerCells.map((_, i) => {
      const f = opts.mapping![i];
      return f && known.has(f) ? (f as RosterField) : null;
    });
    const seen = new Set<RosterField>();
    for (const f of mapping) {
      if (!f) continue;
      if (seen.has(f)) throw new ApiError('validation', '同一字段不能对应两列，请检查列对应关系', 'A field is mapped to two columns');
      seen.add(f);
    }
  }
  const headerTexts = headerCells.map(cellText);
  const columns = headerTexts.map((header, index) => ({ index, header, field: mapping[index] ?? null }));
  const nameCol = mapping.indexOf('name');

  const rows: DraftRow[] = [];
  const ignored: ImportIgnoredRow[] = [];
  for (let r = guess.row + 1; r < chosen.rows.length; r++) {
    const line = chosen.rows[r] ?? [];
    const texts = line.map(cellText);
    const nameText = nameCol >= 0 ? (texts[nameCol] ?? '') : '';
    // A header repeated on every printed page, a total (often in the unmapped 序号 column), the
    // signature lines under the table: listed, so the user sees what was left out and why.
    const why = nameText && nameText === headerTexts[nameCol] ? REPEATED_HEADER : ignoreReason(texts);
    if (why) {
      // Shown as typed (Chinese punctuation kept), not in the half-width form used for matching.
      const shown = line.map((c) => (c.t === 'text' ? tidyText(c.v) : cellText(c))).filter(Boolean);
      ignored.push({ rowNo: r + 1, text: shown.join(' ').slice(0, 80), ...why });
      continue;
    }
    const cells: Partial<Record<RosterField, Cell>> = {};
    let any = false;
    mapping.forEach((field, c) => {
      if (!field) return;
      const cell = line[c] ?? { t: 'empty' };
      cells[field] = cell;
      if (!isBlank(cell)) any = true;
    });
    if (any) rows.push({ rowNo: r + 1, cells });
  }
  return { sheets: sheets.map((s) => s.name), sheet: chosen.name, headerRow: guess.row + 1, columns, rows, ignored };
}
