// The statistics laid out as county offices lay them out: five numbered tables, each with its title
// and columns, in Chinese or English. The screen, the printed page and the Excel file all draw
// these same tables, so they cannot disagree.
import { ACTIVITY_TYPES, CHANNEL_TYPES, GROUP_KINDS, ORG_TYPES, POLITICAL_STATUS, RECRUIT_STAGES, SETTING_MODES, type Labelled } from '../domain/enums.js';
import { rateOf, THREE_MEETINGS_ONE_LECTURE } from './rules.js';
import type { CountRow, StatisticsReport } from './types.js';

export type Lang = 'zh' | 'en';
export type StatCell = string | number;

export interface StatTable {
  key: 'orgs' | 'members' | 'flows' | 'orglife' | 'coverage';
  /** Short name, also the Excel sheet's. */
  name: string;
  title: string;
  columns: string[];
  rows: StatCell[][];
}

const L = (zh: string, en: string) => ({ zh, en });
const pct = (n: number, d: number) => {
  const r = rateOf(n, d);
  return r === null ? '—' : `${(r * 100).toFixed(1)}%`;
};
const MEMBER_LABELS: Labelled = {
  full_member: POLITICAL_STATUS.full_member,
  probationary: POLITICAL_STATUS.probationary,
  applicant: RECRUIT_STAGES.applicant,
  activist: RECRUIT_STAGES.activist,
  candidate: RECRUIT_STAGES.candidate,
};

export function periodLabel(r: Pick<StatisticsReport, 'year' | 'period'>, lang: Lang): string {
  if (lang === 'zh') return r.period === 'h1' ? `${r.year}年上半年` : `${r.year}年度`;
  return r.period === 'h1' ? `first half of ${r.year}` : `year ${r.year}`;
}

export function scopeLabel(r: Pick<StatisticsReport, 'scopeName'>, lang: Lang): string {
  return r.scopeName ?? (lang === 'zh' ? '全省' : 'Province');
}

/** The heading of every table and of the report: scope, period and the day the counts stand at. */
export function reportTitle(r: Pick<StatisticsReport, 'scopeName' | 'year' | 'period'>, lang: Lang): string {
  return lang === 'zh' ? `${scopeLabel(r, lang)}党内统计（${periodLabel(r, lang)}）` : `${scopeLabel(r, lang)} Party statistics (${periodLabel(r, lang)})`;
}

export function statisticsTables(r: StatisticsReport, lang: Lang): StatTable[] {
  const t = (x: { zh: string; en: string }) => x[lang];
  const lbl = (set: Labelled, rows: CountRow[]) => rows.map((c) => [t(set[c.key] ?? L(c.key, c.key)), c.n]);
  const sum = (rows: CountRow[]) => rows.reduce((a, c) => a + c.n, 0);
  const head = (zh: string, en: string) => `${reportTitle(r, lang)} ${lang === 'zh' ? zh : en}`;
  const sect = (zh: string, en: string, rows: StatCell[][]) => rows.map(([a, b]) => [t(L(zh, en)), a!, b!]);
  const orgs: StatTable = {
    key: 'orgs', name: t(L('表一 党组织', 'T1 Organisations')), title: head('表一 党组织设置情况', 'Table 1 Party organisations'),
    columns: [t(L('分类', 'By')), t(L('项目', 'Item')), t(L('个数', 'Count'))],
    rows: [
      ...sect('组织类型', 'Type', lbl(ORG_TYPES, r.orgsByType)),
      [t(L('组织类型', 'Type')), t(L('党组织合计', 'All organisations')), sum(r.orgsByType)],
      ...sect('设置方式', 'Setting mode', lbl(SETTING_MODES, r.orgsByMode)),
      ...sect('领导班子', 'Leadership', [
        [t(L('设支部委员会', 'With a committee')), r.leadership.committee],
        [t(L('只设书记', 'Secretary only')), r.leadership.secretaryOnly],
        [t(L('未配书记', 'No secretary recorded')), r.leadership.noSecretary],
      ]),
      ...sect('党小组', 'Party groups', lbl(GROUP_KINDS, r.groupsByKind)),
      [t(L('党小组', 'Party groups')), t(L('党小组合计', 'All groups')), sum(r.groupsByKind)],
    ],
  };
  const full = r.members.filter((m) => m.key === 'full_member' || m.key === 'probationary');
  const members: StatTable = {
    key: 'members', name: t(L('表二 党员队伍', 'T2 Members')), title: head('表二 党员队伍情况（在册）', 'Table 2 Members (on the rolls)'),
    columns: [t(L('项目', 'Item')), t(L('人数', 'People'))],
    rows: [
      ...lbl(MEMBER_LABELS, r.members),
      [t(L('党员合计（正式+预备）', 'Members (full + probationary)')), sum(full)],
      [t(L('失联党员', 'Lost contact')), r.standing.lostContact],
      [t(L('外出流动党员', 'Outbound mobile members')), r.standing.outbound],
      [t(L('流入党员', 'Inbound mobile members')), r.standing.inbound],
    ],
  };
  const f = r.flows;
  const flows: StatTable = {
    key: 'flows', name: t(L('表三 党员变动', 'T3 Changes')), title: head(`表三 党员变动情况（${r.from} 至 ${r.to}）`, `Table 3 Changes (${r.from} to ${r.to})`),
    columns: [t(L('项目', 'Item')), t(L('人数', 'People'))],
    rows: [
      [t(L('发展党员（接收预备党员）', 'Admitted as probationary')), f.admitted],
      [t(L('预备党员转正', 'Converted to full')), f.converted],
      [t(L('组织关系转入', 'Transferred in')), f.transfersIn],
      [t(L('组织关系转出', 'Transferred out')), f.transfersOut],
      [t(L('范围内转接', 'Moved within the scope')), f.transfersWithin],
      [t(L('新增失联党员', 'Newly lost contact')), f.newlyLostContact],
    ],
  };
  const orglife: StatTable = {
    key: 'orglife', name: t(L('表四 组织生活', 'T4 Org life')), title: head(`表四 组织生活开展情况（截至 ${r.asOf}）`, `Table 4 Organisation life (to ${r.asOf})`),
    columns: [t(L('活动', 'Activity')), t(L('类别', 'Kind')), t(L('召开次数', 'Held')), t(L('应开展组织数', 'Organisations bound')), t(L('应开展（期）', 'Due (periods)')), t(L('按期完成（期）', 'Met (periods)')), t(L('完成率', 'Rate'))],
    rows: r.orgLife.map((o) => [
      t(ACTIVITY_TYPES[o.type]),
      THREE_MEETINGS_ONE_LECTURE.has(o.type) ? t(L('三会一课', 'Three meetings, one lecture')) : t(L('其他', 'Other')),
      o.held,
      o.hasCadence ? o.obliged : '—',
      o.hasCadence ? o.required : '—',
      o.hasCadence ? o.met : '—',
      o.hasCadence ? pct(o.met, o.required) : '—',
    ]),
  };
  const cov = r.coverage;
  const total = (k: 'outlets' | 'withMembers' | 'covered' | 'uncoveredWithMembers') => cov.reduce((a, c) => a + c[k], 0);
  const coverage: StatTable = {
    key: 'coverage', name: t(L('表五 网点覆盖', 'T5 Coverage')), title: head('表五 渠道网点党组织覆盖情况', 'Table 5 Outlets covered by a Party organisation'),
    columns: [t(L('渠道类型', 'Channel')), t(L('网点数', 'Outlets')), t(L('有党员网点', 'With members')), t(L('已覆盖', 'Covered')), t(L('有党员未覆盖', 'Members, not covered')), t(L('网点覆盖率', 'Outlets covered'))],
    rows: [
      ...cov.map((c) => [t(CHANNEL_TYPES[c.channelType]), c.outlets, c.withMembers, c.covered, c.uncoveredWithMembers, pct(c.covered, c.outlets)]),
      [t(L('合计', 'Total')), total('outlets'), total('withMembers'), total('covered'), total('uncoveredWithMembers'), pct(total('covered'), total('outlets'))],
    ],
  };
  return [orgs, members, flows, orglife, coverage];
}
