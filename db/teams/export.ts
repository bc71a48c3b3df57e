// The 岗区队 register and the pledges register (承诺践诺台账) to .xlsx, one audit row per export.
// Neither carries ids, phones or dues; a pledge's "not kept" is a review outcome the branch posts
// publicly (seed 004: 公开栏、承诺书), so it is not masked.
import type { FilePayload } from '../../shared/contract/define.js';
import { todayInBeijing } from '../../shared/core/dates.js';
import { PLEDGE_OUTCOMES, TEAM_KINDS } from '../../shared/teams/rules.js';
import type { ApiContext } from '../context.js';
import { writeAudit } from '../people/audit.js';
import { fileNameFor, writeXlsx, XLSX_MIME } from '../people/xlsx/write.js';
import { scopeFor } from '../scope.js';
import { work334SettingsFor } from './settings.js';
import { listPledges } from './pledges.js';
import { getTeam, listTeams } from './teams.js';

const STATE = { upcoming: '未开始', active: '进行中', ended: '已结束' } as const;

export async function exportTeams(ctx: ApiContext, e: { list: 'teams' | 'pledges'; unitId?: string; year?: number }): Promise<FilePayload> {
  const scope = await scopeFor(ctx.db, ctx.session.scopePath, e.unitId);
  const today = todayInBeijing(ctx.now());
  let base: string;
  let out: { buffer: Buffer; rows: number };
  if (e.list === 'teams') {
    const page = await listTeams(ctx.db, scope, { limit: 1000, offset: 0 }, today);
    const details = [];
    for (const r of page.rows) details.push(await getTeam(ctx.db, ctx.session, r.id, today));
    base = '岗区队台账';
    out = await writeXlsx(
      { sheet: '岗区队', columns: ['类别', '名称', '党组织', '目标', '开始', '结束', '状态', '负责人', '队员', '联系网点', '里程碑节点', '逾期未完成', '成果'].map((header) => ({ header })) },
      details.map((t) => [
        TEAM_KINDS[t.kind].zh, t.name, t.orgName, t.goal, t.startsOn, t.endsOn, STATE[t.state], t.leaderName, t.members.map((m) => m.name).join('、'),
        t.outlets.map((o) => o.name).join('、'), t.nodes, t.missedNodes || null, t.results,
      ]),
    );
  } else {
    const year = e.year ?? Number(today.slice(0, 4));
    const { pledgeReviewFrom } = await work334SettingsFor(ctx.db, scope);
    const page = await listPledges(ctx.db, scope, { year, limit: 1000, offset: 0 }, pledgeReviewFrom);
    base = `承诺践诺台账_${year}`;
    out = await writeXlsx(
      { sheet: '承诺践诺', title: `${year}年党员承诺践诺台账`, columns: ['党员', '党支部', '承诺内容', '承诺日期', '践诺佐证', '评议结果', '评议日期', '评议人', '评议意见'].map((header) => ({ header })) },
      page.rows.map((p) => [p.personName, p.orgName, p.pledge, p.pledgedOn, p.evidence, PLEDGE_OUTCOMES[p.outcome].zh, p.reviewedOn, p.reviewedBy, p.reviewNote]),
    );
  }
  const fileName = fileNameFor(base, today);
  await writeAudit(ctx, ctx.db, { kind: 'export', description: `导出“${base}”，共${out.rows}行`, filter: e, rowCount: out.rows, fileName, scopePath: scope });
  return { fileName, mime: XLSX_MIME, base64: out.buffer.toString('base64'), rows: out.rows };
}
