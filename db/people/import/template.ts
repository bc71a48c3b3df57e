// The downloadable roster template: the header row the importer knows best, id and phone columns
// formatted as text (so Excel cannot turn an id into 6.10115E+17), drop-down lists for the coded
// columns, and the filling rules on a second sheet (an example row on the first would be imported).
import ExcelJS from 'exceljs';
import { EDUCATION, EMPLOYMENT, GENDERS, POLITICAL_STATUS, POSTS, STANDINGS, type Labelled } from '../../../shared/domain/enums.js';
import { ROSTER_FIELDS, TEMPLATE_FIELDS, type RosterField } from '../../../shared/people/headers.js';
import type { FilePayload } from '../../../shared/contract/define.js';
import { XLSX_MIME } from '../xlsx/write.js';

const LISTS: Partial<Record<RosterField, Labelled>> = {
  gender: GENDERS, politicalStatus: POLITICAL_STATUS, education: EDUCATION, post: POSTS, employment: EMPLOYMENT, standing: STANDINGS,
};
const TEXT: RosterField[] = ['citizenId', 'phone', 'outletCode'];
const HINTS: Partial<Record<RosterField, string>> = {
  name: '必填',
  citizenId: '必填，18位；导入时按身份证号识别人员，重复导入会更新而不会重复登记',
  birthDate: '可不填，按身份证号自动填写；可写 1985-06-15、1985.06 或 1985年6月15日',
  politicalStatus: '中共党员、中共预备党员、共青团员、群众等；不填时有入党日期即视为党员；预备党员也可在备注中注明“预备党员”',
  joinDate: '党员必填',
  branch: '党员必填；应与“组织架构”中的党组织名称一致，简称或写法不同的，导入预览时在“值对应”中选择一次即可',
  group: '须是所填党支部下的党小组',
  outletName: '与网点编码二选一；同名网点请填编码',
  employment: '合作方员工须填写“信息采集同意日期”',
  consentOn: '合作方员工本人同意采集信息的日期',
};

export async function rosterTemplate(): Promise<FilePayload> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '红色渠道';
  const ws = wb.addWorksheet('党员花名册', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, TEMPLATE_FIELDS.length);
  ws.getCell(1, 1).value = '党员花名册（导入模板）——请从第3行起逐行填写，不要修改第2行的列标题';
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  TEMPLATE_FIELDS.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = f === 'citizenId' ? 22 : f === 'branch' || f === 'outletName' || f === 'notes' ? 24 : 14;
    if (TEXT.includes(f)) col.numFmt = '@';
    const head = ws.getCell(2, i + 1);
    head.value = ROSTER_FIELDS[f].zh;
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7E7' } };
    const list = LISTS[f];
    if (list) {
      const formula = `"${Object.values(list).map((l) => l.zh).join(',')}"`;
      for (let r = 3; r <= 2002; r++) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [formula] };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 18 }, { header: '说明', width: 90 }];
  help.getRow(1).font = { bold: true };
  for (const f of TEMPLATE_FIELDS) help.addRow([ROSTER_FIELDS[f].zh, HINTS[f] ?? (LISTS[f] ? `从下拉列表选择：${Object.values(LISTS[f]!).map((l) => l.zh).join('、')}` : '')]);
  help.addRow([]);
  help.addRow(['其他', '常见的列名写法（如“公民身份号码”“出生年月”“文化程度”“所在党组织”）也能自动识别；表头上方的标题行和空行会被跳过。']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: '党员花名册导入模板.xlsx', mime: XLSX_MIME, base64: buf.toString('base64'), rows: 0 };
}
