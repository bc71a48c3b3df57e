// Rows inside or under a typed roster that are not people: the closing total (合计, 共 12 人), the
// signature and stamp lines (填表人, 审核人, 盖章, 日期) and notes under the table. They are left out
// and listed as ignored with the reason, so the user sees what was skipped instead of a row that
// "has no citizen id". A row holding a valid citizen id is a person whatever else it says.
import { isValidCitizenId, normalizeCitizenId } from '../../../shared/domain/citizenId.js';

export interface IgnoreReason {
  reason: string;
  reasonEn: string;
}

const TOTAL = /^(合计|总计|小计|共计|累计|总人数|人数合计)|^(以上|本页|本表)?(共|合计)\d+(人|名)/;
const SIGNATURE =
  /^(填表|制表|填报|报送|审核|审批|经办|联系|统计)人?[:：]|^联系(电话|方式)[:：]|^(单位|党组织|支部)?(负责人|书记)(签字|签名)?[:：]|盖章|签字|签名|[(（]章[)）]|^(填表|制表|填报|报送)?(日期|时间)[:：]/;
/** A date alone under the table (the day the form was signed), not a birth date in a row of its own. */
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const NOTE = /^(备注|说明|注|填表说明|填报说明)\d*[:：]|^注\d*[.、]/;

export const REPEATED_HEADER: IgnoreReason = { reason: '重复的表头行', reasonEn: 'Header repeated' };

/** Why a row is not a person, or null. `texts` are the row's cell texts, left to right. */
export function ignoreReason(texts: string[]): IgnoreReason | null {
  const filled = texts.map((t) => t.replace(/\s/g, '')).filter(Boolean);
  const first = filled[0];
  if (!first) return null;
  // The first filled cell decides: 合计 usually sits in the 序号 column, 共 N 人 or 填表人 in the first.
  let why: IgnoreReason | null = null;
  if (TOTAL.test(first)) why = { reason: '合计行', reasonEn: 'Total row' };
  else if (SIGNATURE.test(first) || (filled.length <= 2 && DATE_LINE.test(first))) why = { reason: '签字、盖章或日期行', reasonEn: 'Signature, stamp or date line' };
  else if (NOTE.test(first)) why = { reason: '表格下方的说明', reasonEn: 'Note under the table' };
  if (why && filled.some((t) => t.length >= 15 && isValidCitizenId(normalizeCitizenId(t)))) return null;
  return why;
}
