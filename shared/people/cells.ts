// Turning the cells of a messy roster into clean values: Excel date serials and text dates,
// full-width characters, ids typed with a lowercase x or stored as numbers, labels in variants.
import { normalizeCitizenId } from '../domain/citizenId.js';
import {
  EDUCATION, EMPLOYMENT, ETHNICITIES, POLITICAL_STATUS, POSTS, STANDINGS, type Labelled,
} from '../domain/enums.js';
import { cleanText, toHalfWidth } from '../domain/text.js';

/** A cell as read from a workbook, before interpretation. */
export type Cell =
  | { t: 'empty' }
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'date'; v: string } // ISO date; the workbook stored a date-formatted cell
  | { t: 'bool'; v: boolean }
  | { t: 'formula' }
  | { t: 'error'; v: string };

/** A converted value, or the key of a problem (RULE_MESSAGES) and an optional note. */
export type Parsed<T> = { ok: true; v: T | null; note?: string } | { ok: false; problem: string };

const ok = <T>(v: T | null, note?: string): Parsed<T> => (note ? { ok: true, v, note } : { ok: true, v });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });

export function cellText(c: Cell): string {
  switch (c.t) {
    case 'text':
      return cleanText(c.v);
    case 'number':
      return String(c.v);
    case 'date':
      return c.v;
    case 'bool':
      return c.v ? '是' : '否';
    default:
      return '';
  }
}

export const isBlank = (c: Cell) => c.t === 'empty' || (c.t === 'text' && cleanText(c.v) === '');

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01 and the phantom 1900-02-29 shifts the rest. */
export function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 73050 || Math.floor(n) === 60) return null;
  const base = n < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = base + Math.floor(n) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const MONTH_ONLY = 'date.month_only';

function textDate(s: string): Parsed<string> {
  const t = toHalfWidth(s).replace(/\s/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const iso = realDate(+m[1]!, +m[2]!, +m[3]!);
    return iso ? ok(iso) : bad('date.invalid');
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) {
    const iso = realDate(+m[1]!, +m[2]!, 1);
    return iso ? ok(iso, MONTH_ONLY) : bad('date.invalid');
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) return numberDate(Number(t));
  if (/^\d{4}年?$/.test(t)) return bad('date.year_only');
  return bad('date.invalid');
}

function numberDate(n: number): Parsed<string> {
  // 1985.06 typed into a numeric cell: year.month. "1985.10" arrives as 1985.1 — say so.
  if (n >= 1900 && n < 2101 && !Number.isInteger(n)) {
    const [y, frac = ''] = String(n).split('.');
    const month = Number(frac.length === 1 ? frac : frac.slice(0, 2));
    const iso = realDate(Number(y), month, 1);
    if (!iso) return bad('date.invalid');
    return ok(iso, frac === '1' ? 'date.month_ambiguous' : MONTH_ONLY);
  }
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) return textDate(String(n));
  if (Number.isInteger(n) && n >= 190001 && n <= 210012) return textDate(String(n));
  const iso = fromExcelSerial(n);
  return iso ? ok(iso) : bad('date.invalid');
}

export function parseDate(c: Cell): Parsed<string> {
  switch (c.t) {
    case 'empty':
      return ok(null);
    case 'date':
      return ok(c.v);
    case 'number':
      return numberDate(c.v);
    case 'text':
      return cleanText(c.v) === '' ? ok(null) : textDate(c.v);
    default:
      return bad('cell.unreadable');
  }
}

export function parseCitizenId(c: Cell): Parsed<string> {
  if (c.t === 'empty') return ok(null);
  // 18 digits do not fit a double: Excel kept only 15 significant digits and the id is lost.
  if (c.t === 'number') return c.v >= 1e15 ? bad('citizen_id.number') : ok(normalizeCitizenId(String(c.v)));
  if (c.t !== 'text') return bad('cell.unreadable');
  const id = normalizeCitizenId(c.v).replace(/^'/, '');
  if (/^\d(\.\d+)?E\+\d+$/i.test(id)) return bad('citizen_id.number');
  return ok(id || null);
}

export function parsePhone(c: Cell): Parsed<string> {
  if (c.t === 'empty') return ok(null);
  if (c.t === 'number') return ok(String(Math.round(c.v)));
  if (c.t !== 'text') return bad('cell.unreadable');
  const p = toHalfWidth(c.v).replace(/[\s\-()（）]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return ok(p || null);
}

export function parseText(c: Cell, max: number): Parsed<string> {
  if (c.t === 'formula' || c.t === 'error') return bad('cell.unreadable');
  const s = cellText(c);
  if (!s) return ok(null);
  return s.length > max ? bad('text.too_long') : ok(s);
}

const GENDER: Record<string, 'male' | 'female'> = { 男: 'male', 男性: 'male', m: 'male', male: 'male', 女: 'female', 女性: 'female', f: 'female', female: 'female' };

export function parseGender(c: Cell): Parsed<'male' | 'female'> {
  const s = cellText(c).toLowerCase();
  if (!s) return ok(null);
  const g = GENDER[s];
  return g ? ok(g) : bad('enum.gender');
}

export function parseEthnicity(c: Cell): Parsed<string> {
  const s = cellText(c).replace(/\s/g, '');
  if (!s) return ok(null);
  const list = ETHNICITIES as readonly string[];
  if (list.includes(s)) return ok(s);
  if (list.includes(`${s}族`)) return ok(`${s}族`);
  return bad('enum.ethnicity');
}

/** Words rosters use beyond our own labels, per enum. */
const SYNONYMS: Record<string, Record<string, string>> = {
  politicalStatus: {
    党员: 'full_member', 正式党员: 'full_member', 中共正式党员: 'full_member', 中国共产党党员: 'full_member', 共产党员: 'full_member',
    预备党员: 'probationary', 预备: 'probationary', 中共预备: 'probationary', 团员: 'youth_league', 共青团员: 'youth_league', 中共党员: 'full_member',
    无党派: 'independent', 民主党派成员: 'other_party', 普通群众: 'masses',
  },
  education: {
    大学本科: 'bachelor', 本科: 'bachelor', 学士: 'bachelor', 大学: 'bachelor', 大学专科: 'college', 专科: 'college', 大专: 'college',
    高中: 'senior', 中专: 'senior', 职高: 'senior', 技校: 'senior', 中技: 'senior', 高中及以下: 'senior',
    研究生: 'master', 硕士研究生: 'master', 博士研究生: 'doctor', 初中及以下: 'junior',
  },
  post: {
    营业员: 'clerk', 店员: 'clerk', 装维: 'installer', 装维工程师: 'installer', 网格经理: 'grid_leader', 老板: 'owner',
    营业厅经理: 'store_manager', 厅经理: 'store_manager', 装维师傅: 'installer',
  },
  employment: { 合同制: 'employee', 在编: 'employee', 正式工: 'employee', 派遣: 'dispatched', 外包: 'partner_staff', 合作方: 'partner_staff', 个体: 'owner' },
  standing: { 正常: 'normal' },
};

/**
 * What typed rosters write around the words above ("营业厅经理（店长）", "本科（函授）", "装维师傅"):
 * fragments that name one value without doubt, most specific first. Only for the free-text
 * columns; a fragment that could mean two values is left out and goes to value mapping instead.
 */
const FRAGMENTS: Record<string, [RegExp, string][]> = {
  post: [
    [/装维|装机|宽带安装|线路维护/, 'installer'],
    [/店长|营业厅(经理|主任)|厅(经理|主任)|门店经理|值班经理/, 'store_manager'],
    [/客户经理|政企经理/, 'account_manager'],
    [/渠道(经理|专员|主管)/, 'channel_manager'],
    [/网格(长|经理|主管)/, 'grid_leader'],
    [/店主|老板|业主|经营者/, 'owner'],
    [/营业员|店员|营业专员|营业厅员工|前台|导购|促销员|销售员|服务代表/, 'clerk'],
  ],
  education: [
    [/博士/, 'doctor'],
    [/硕士|研究生/, 'master'],
    [/本科|学士/, 'bachelor'],
    [/大专|专科|高职/, 'college'],
    [/高中|中专|职高|技校|中技|中职/, 'senior'],
    [/初中/, 'junior'],
    [/小学/, 'primary'],
  ],
  politicalStatus: [
    [/预备/, 'probationary'],
    [/共青团员|^团员/, 'youth_league'],
  ],
  employment: [
    [/劳务派遣|派遣/, 'dispatched'],
    [/合同制|正式员工|正式职工|在编/, 'employee'],
  ],
};

const TABLES: Record<string, Labelled> = { politicalStatus: POLITICAL_STATUS, education: EDUCATION, post: POSTS, employment: EMPLOYMENT, standing: STANDINGS };

function exactEnum(kind: string, s: string): string | null {
  const syn = SYNONYMS[kind]?.[s];
  if (syn) return syn;
  for (const [key, l] of Object.entries(TABLES[kind]!)) if (l.zh === s || l.en.toLowerCase() === s.toLowerCase() || key === s) return key;
  return null;
}

/** An enum value from its Chinese label, its English label, its key, a known synonym or a telling fragment. */
export function parseEnum(kind: keyof typeof TABLES, c: Cell): Parsed<string> {
  const s = cellText(c).replace(/\s/g, '');
  if (!s) return ok(null);
  // "本科（函授）", "店长(兼)": the bracket qualifies the value, it does not change it.
  const bare = s.replace(/\([^)]*\)|（[^）]*）/g, '');
  const fragment = (t: string) => FRAGMENTS[kind]?.find(([re]) => re.test(t))?.[1] ?? null;
  // A status bracket is the value itself ("中共党员（预备）"), so it is read before it is dropped.
  const found = exactEnum(kind, s) ?? (kind === 'politicalStatus' ? fragment(s) : null) ?? (bare ? exactEnum(kind, bare) ?? fragment(bare) : null) ?? fragment(s);
  return found ? ok(found) : bad(`enum.${kind}`);
}
