// UI strings of the console overview's milestone, member-standing and dual-track columns (renderer/console/Indicators.tsx).
// Chinese first; English second.
export const zhW = {
  'c.ov.milestones': '里程碑节点',
  'c.ov.milestonesHint': '今年有节点的组织中：逾期未完成的节点数 / 逾期完成的节点数',
  'c.ov.milestonesCell': '{missed} 未完成 · {late} 逾期完成',
  'c.ov.standing': '党员状况',
  'c.ov.standingHint': '依组织生活与党费台账：有自行脱党风险 / 失去联系 / 应转组织关系的党员人数',
  'c.ov.standingCell': '风险 {lapse} · 失联 {lost} · 应转 {transfer}',
  'c.ov.dualTrack': '双轨考核',
  'c.ov.dualTrackHint': '本季度至今、四项经营指标已录入的网点的综合得分平均 / 计分网点数 / 其中红灯数；灯取最差网点（同预警看板）',
  'c.ov.dualTrackCell': '{score} 分 · {scored} 网点 · {red} 红',
  'c.ov.dualTrackNone': '无计分网点',
} as const;

export const enW: Record<keyof typeof zhW, string> = {
  'c.ov.milestones': 'Milestone nodes',
  'c.ov.milestonesHint': 'In organisations with nodes this year: nodes missed / nodes done late',
  'c.ov.milestonesCell': '{missed} missed · {late} late',
  'c.ov.standing': 'Member standing',
  'c.ov.standingHint': 'From organisation life and the dues ledger: members at risk of lapse / lost contact / due a transfer',
  'c.ov.standingCell': 'Risk {lapse} · lost {lost} · transfer {transfer}',
  'c.ov.dualTrack': 'Dual-track',
  'c.ov.dualTrackHint': 'This quarter so far, outlets with all four business figures in: mean composite score / outlets scored / red among them; the light is the worst outlet\'s (as on the warning board)',
  'c.ov.dualTrackCell': '{score} · {scored} outlets · {red} red',
  'c.ov.dualTrackNone': 'No outlet scored',
};
