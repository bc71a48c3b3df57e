// Every registry list exports to .xlsx the same way: ids and phones masked unless the role may see
// them and asked for them, and one audit row per export (who, when, which list and filter, rows).
import { todayInBeijing } from '../../../shared/core/dates.js';
import type { z } from 'zod';
import type { peopleContract } from '../../../shared/people/contract.js';
import { CHANNEL_TYPES, MOBILITY, POLITICAL_STATUS, RECRUIT_STAGES, ROLES, type Labelled } from '../../../shared/domain/enums.js';
import { ApiError } from '../../../shared/core/errors.js';
import { BREACH_KINDS } from '../../../shared/people/rules.js';
import type { FilePayload } from '../../../shared/contract/define.js';
import { canSeeFullIds, type ApiContext } from '../../context.js';
import { writeAudit } from '../audit.js';
import { findBreaches } from '../breaches.js';
import { coverageOutlets, coverageRanking } from '../coverage.js';
import { findDuplicates } from '../duplicates.js';
import { lostContactRegister, mobilityRegister } from '../lifecycle.js';
import { pipeline } from '../pipeline.js';
import { listAudit } from '../audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME, type CellOut, type SheetSpec } from '../xlsx/write.js';
import { rosterRows, rosterSpec } from './roster.js';
import { describeFilter } from './describe.js';
import { scopeFor } from '../../scope.js';

export type ExportInput = z.output<(typeof peopleContract)['registry.export']['input']>;

const ALL = 1_000_000;
const zh = (t: Labelled, v: string | null | undefined) => (v ? (t[v]?.zh ?? v) : null);
const pct = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);
const BAND = { green: '绿', yellow: '黄', red: '红' } as const;
const cols = (...headers: string[]) => headers.map((header) => ({ header }));

async function build(ctx: ApiContext, e: ExportInput, fullIds: boolean): Promise<{ spec: SheetSpec; rows: AsyncIterable<CellOut[]> | CellOut[][]; base: string }> {
  const unit = { unitId: e.unitId };
  switch (e.list) {
    case 'roster': {
      const f = e.filter ?? {};
      const path = await scopeFor(ctx.db, ctx.session.scopePath, f.unitId);
      const title = `党员花名册 · ${await describeFilter(ctx.db, f)} · 导出于${todayInBeijing(ctx.now())}${fullIds ? '' : '（身份证号、手机号已脱敏）'}`;
      return { spec: rosterSpec(title), rows: rosterRows(ctx.db, path, f, fullIds), base: '党员花名册' };
    }
    case 'uncovered':
    case 'no_instructor': {
      const page = await coverageOutlets(ctx, { ...unit, kind: e.list === 'uncovered' ? 'uncovered' : 'no_instructor', limit: ALL, offset: 0 });
      const base = e.list === 'uncovered' ? '有党员未覆盖网点' : '未配指导员网点';
      return {
        base,
        spec: { sheet: base, columns: cols('网点编码', '网点名称', '渠道类型', '县（区）', '网格', '党员数', '正式党员数', '覆盖党组织', '党建指导员') },
        rows: page.rows.map((r) => [r.code, r.name, zh(CHANNEL_TYPES, r.channelType), r.countyName, r.gridName, r.members, r.fullMembers, r.coverageOrgName, r.instructorName]),
      };
    }
    case 'ranking_county':
    case 'ranking_grid': {
      const level = e.list === 'ranking_county' ? 'county' : 'grid';
      const rows = await coverageRanking(ctx, { ...unit, level });
      const base = level === 'county' ? '县区覆盖排名' : '网格覆盖排名';
      return {
        base,
        spec: { sheet: base, columns: cols(level === 'county' ? '县（区）' : '网格', '上级', '网点数', '党员数', '被覆盖党员', '党员覆盖率', '覆盖预警', '近90天有党建联系的网点', '联系率', '联系预警', '有党员未覆盖网点', '未配指导员网点') },
        rows: rows.map((r) => [r.unitName, r.parentName, r.outlets, r.members, r.coveredMembers, pct(r.coverage), r.coverageBand && BAND[r.coverageBand], r.outletsWithContact, pct(r.contact), r.contactBand && BAND[r.contactBand], r.uncoveredOutlets, r.outletsWithoutInstructor]),
      };
    }
    case 'breaches': {
      const rows = await findBreaches(ctx, { ...unit, kind: e.kind as keyof typeof BREACH_KINDS | undefined });
      return {
        base: '组织设置问题',
        spec: { sheet: '组织设置问题', columns: cols('问题', '对象', '所属单位', '说明', '正式党员', '党员') },
        rows: rows.map((r) => [BREACH_KINDS[r.kind].zh, r.targetName, r.unitName, r.detail, r.fullMembers, r.members]),
      };
    }
    case 'pipeline': {
      const page = await pipeline(ctx, { ...unit, limit: ALL, offset: 0 });
      return {
        base: '发展党员台账',
        spec: { sheet: '发展党员台账', columns: cols('姓名', '所在网点', '当前阶段', '申请日期', '确定积极分子', '确定发展对象', '接收预备党员', '下一步', '可办理/到期日', '逾期天数') },
        rows: page.rows.map((r) => [r.name, r.outletName, zh(RECRUIT_STAGES, r.stage), r.appliedOn, r.activistOn, r.candidateOn, r.probationaryOn, zh(RECRUIT_STAGES, r.next), r.dueOn, r.overdueDays || null]),
      };
    }
    case 'mobility': {
      const page = await mobilityRegister(ctx, { ...unit, limit: ALL, offset: 0 });
      return {
        base: '流动党员台账',
        spec: { sheet: '流动党员台账', columns: cols('姓名', '所在党支部', '流动类型', '流向/来源地', '开始日期', '活动证号', '已流动月数', '应转接组织关系') },
        rows: page.rows.map((r) => [r.name, r.branchName, zh(MOBILITY, r.mobility), r.destination, r.since, r.cardNo, r.monthsAway, r.shouldTransfer ? '是' : null]),
      };
    }
    case 'lost_contact': {
      const page = await lostContactRegister(ctx, { ...unit, limit: ALL, offset: 0 });
      return {
        base: '失联党员台账',
        spec: { sheet: '失联党员台账', columns: cols('姓名', '所在党支部', '所在网点', '失联开始', '失联原因', '失联月数') },
        rows: page.rows.map((r) => [r.name, r.branchName, r.outletName, r.since, r.reason, r.monthsLost]),
      };
    }
    case 'duplicates': {
      const groups = await findDuplicates(ctx.db, await scopeFor(ctx.db, ctx.session.scopePath, e.unitId));
      const why = { citizen_id: '身份证号相同', name_birth: '姓名和出生日期相同', pinyin_phone: '姓名拼音和手机号相同' };
      return {
        base: '疑似重复人员',
        spec: { sheet: '疑似重复人员', columns: cols('组', '判断依据', '姓名', '出生日期', '身份证号', '手机号', '所在网点', '政治面貌', '所在党支部', '关联记录数') },
        rows: groups.flatMap((g, i) => g.people.map((p) => [i + 1, why[g.reason], p.name, p.birthDate, p.citizenId, p.phone, p.outletName, zh(POLITICAL_STATUS, p.politicalStatus), p.branchName, p.references])),
      };
    }
    case 'audit': {
      const page = await listAudit(ctx.db, ctx.session.scopePath, { kind: e.kind as 'export' | undefined, limit: ALL, offset: 0 });
      const kinds = { export: '导出', reveal: '查看完整信息', import: '导入' };
      return {
        base: '数据操作日志',
        spec: { sheet: '数据操作日志', columns: cols('时间', '操作', '操作人', '角色', '内容', '行数', '含完整身份信息') },
        rows: page.rows.map((r) => [r.at.replace('T', ' ').slice(0, 19), kinds[r.kind], r.userName, zh(ROLES, r.role), r.description, r.rowCount, r.fullIds ? '是' : null]),
      };
    }
  }
}

export async function exportList(ctx: ApiContext, e: ExportInput): Promise<FilePayload> {
  if (e.fullIds && !canSeeFullIds(ctx.session.role))
    throw new ApiError('forbidden', '您的角色只能导出脱敏后的身份证号和手机号', 'Your role exports masked ids and phones only');
  const { spec, rows, base } = await build(ctx, e, e.fullIds);
  const today = todayInBeijing(ctx.now());
  const out = await writeXlsx(spec, rows);
  const fileName = fileNameFor(base, today);
  const path = await scopeFor(ctx.db, ctx.session.scopePath, e.filter?.unitId ?? e.unitId);
  await writeAudit(ctx, ctx.db, {
    kind: 'export',
    description: `导出“${base}”${e.list === 'roster' ? `（${await describeFilter(ctx.db, e.filter ?? {})}）` : ''}，共${out.rows}行${e.fullIds ? '，含完整身份证号和手机号' : ''}`,
    filter: { list: e.list, ...(e.filter ?? {}), ...(e.unitId ? { unitId: e.unitId } : {}), ...(e.kind ? { kind: e.kind } : {}) },
    rowCount: out.rows,
    fullIds: e.fullIds,
    fileName,
    scopePath: path,
  });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
