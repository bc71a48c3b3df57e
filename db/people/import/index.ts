// Roster import: preview (a dry run that writes nothing) and commit (the same plan, written in the
// caller's transaction, all or nothing: the branches the value mapping creates, the people, and
// the mapping remembered for next time). The file is re-read on commit rather than trusting a
// preview kept in memory: the commit checks exactly what it writes.
import { todayInBeijing } from '../../../shared/core/dates.js';
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/core/errors.js';
import { rulesFrom } from '../../../shared/people/rules.js';
import type { ImportPreview, ImportResult } from '../../../shared/people/types.js';
import type { RosterCommitInput, RosterImportInput } from '../../../shared/people/schemas/import.js';
import { nowIso, type ApiContext } from '../../context.js';
import { storeVersion } from '../../storeVersion.js';
import { readSettings } from '../../system/settings.js';
import { writeAudit } from '../audit.js';
import { readWorkbook, type SheetCells } from '../xlsx/read.js';
import { createBranches, rememberUsed } from './create.js';
import { writePlanned } from './commit.js';
import { unitsInScope, type Place, type Unit } from './lookups.js';
import { rememberedValues } from './memory.js';
import { valueList } from './options.js';
import { parseSheet, type ParsedSheet } from './parse.js';
import { planImport, type PlannedRow } from './plan.js';
import { ValueBook } from './values.js';

const REQUIRED = ['name', 'citizenId'] as const;

// The workbook last read, by the hash of its bytes: the commit that follows a preview of the same
// file skips parsing it again (the plan — lookups and checks — is always redone against the store).
let lastRead: { hash: string; sheets: SheetCells[] } | null = null;

async function read(file: RosterImportInput['file']): Promise<SheetCells[]> {
  const hash = createHash('sha256').update(file.base64).digest('hex');
  if (lastRead?.hash === hash) return lastRead.sheets;
  const sheets = await readWorkbook(Buffer.from(file.base64, 'base64'), file.name);
  lastRead = { hash, sheets };
  return sheets;
}

// The plan of the last preview, kept while nothing at all has been written to the store since (db/storeVersion.ts): a
// commit right after its preview then writes at once instead of checking 10k rows a second time.
interface Plan {
  sheet: ParsedSheet;
  rows: PlannedRow[];
  book: ValueBook;
  orgs: Place[];
  units: Unit[];
}
let lastPlan: (Plan & { key: string }) | null = null;

async function plan(ctx: ApiContext, input: RosterImportInput): Promise<Plan> {
  const { scopePath, userName } = ctx.session;
  const key = JSON.stringify([createHash('sha256').update(input.file.base64).digest('hex'), input.sheet, input.mapping, input.values, scopePath, userName, await storeVersion(ctx.db)]);
  if (lastPlan?.key === key) return lastPlan;
  const planned = await planFresh(ctx, input);
  lastPlan = { key, ...planned };
  return planned;
}

async function planFresh(ctx: ApiContext, input: RosterImportInput): Promise<Plan> {
  const scope = ctx.session.scopePath;
  const sheets = await read(input.file);
  const sheet = parseSheet(sheets, { sheet: input.sheet, mapping: input.mapping });
  const rules = rulesFrom(await readSettings(ctx.db, scope));
  const units = await unitsInScope(ctx.db, scope);
  const remembered = await rememberedValues(ctx.db, ctx.session.userName, scope);
  const book = new ValueBook(input.values ?? [], remembered, new Map(units.map((u) => [u.id, u])));
  const { rows, orgs } = await planImport(ctx.db, sheet.rows, { scope, today: todayInBeijing(ctx.now()), rules, book });
  return { sheet, rows, book, orgs, units };
}

export async function previewRoster(ctx: ApiContext, input: RosterImportInput): Promise<ImportPreview> {
  const { sheet, rows, book, orgs, units } = await plan(ctx, input);
  const mapped = new Set(sheet.columns.map((c) => c.field));
  const count = (a: PlannedRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    fileName: input.file.name,
    sheets: sheet.sheets,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    columns: sheet.columns,
    missingRequired: REQUIRED.filter((f) => !mapped.has(f)),
    totals: {
      rows: rows.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), error: count('error'),
      warning: rows.filter((r) => r.action !== 'error' && r.notes.length).length, ignored: sheet.ignored.length,
    },
    rows: rows.map(({ rowNo, name, citizenId, action, problems, notes }) => ({ rowNo, name, citizenId, action, problems, notes })),
    ignored: sheet.ignored,
    values: await valueList(ctx.db, { book, orgs, units, scope: ctx.session.scopePath }),
    units: units.map(({ id, name }) => ({ id, name })),
  };
}

export async function commitRoster(ctx: ApiContext, input: RosterCommitInput): Promise<ImportResult> {
  const { sheet, rows, book } = await plan(ctx, input);
  const bad = rows.filter((r) => r.action === 'error');
  if (bad.length && !input.skipInvalid) {
    const zh = `有${bad.length}行存在问题（如第${bad[0]!.rowNo}行：${bad[0]!.problems[0]?.message ?? ''}），未导入任何数据。请修改后重新导入，或选择跳过有问题的行`;
    throw new ApiError('validation', zh, `${bad.length} rows have problems; nothing was imported`);
  }
  if (!rows.some((r) => r.action === 'create' || r.action === 'update')) {
    if (rows.some((r) => r.action === 'unchanged')) return { created: 0, updated: 0, unchanged: rows.filter((r) => r.action === 'unchanged').length, skipped: bad.length, branchesCreated: 0 };
    throw new ApiError('validation', '文件中没有可导入的数据行', 'No rows to import');
  }
  const now = nowIso(ctx);
  lastPlan = null;
  const branches = await createBranches(ctx, rows, book, now);
  const written = await writePlanned(ctx.db, rows, { now, by: ctx.session.userName, today: todayInBeijing(ctx.now()) });
  const result = { ...written, branchesCreated: branches.size };
  await rememberUsed(ctx, rows, book, branches, now);
  const made = branches.size ? `，新建党支部${branches.size}个（${[...branches.values()].map((b) => b.name).join('、')}）` : '';
  await writeAudit(ctx, ctx.db, {
    kind: 'import',
    description: `导入花名册“${input.file.name}”（工作表“${sheet.sheet}”）：新增${result.created}人，更新${result.updated}人，未变${result.unchanged}人，跳过${result.skipped}行${made}`,
    rowCount: result.created + result.updated,
    fileName: input.file.name,
    scopePath: ctx.session.scopePath,
  });
  return result;
}
