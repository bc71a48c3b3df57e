// UI strings of the half-year and year-end statistics page (党内统计).
export const zh = {
  'nav.statistics': '党内统计',
  'st.scope': '统计范围',
  'st.allScope': '全部范围',
  'st.year': '年份',
  'st.period': '统计期',
  'st.h1': '半年（1月1日至6月30日）',
  'st.yearEnd': '年度（1月1日至12月31日）',
  'st.export': '导出 Excel',
  'st.print': '打印 / 存为 PDF',
  'st.exported': '已导出 {n} 行统计数',
  'st.pdfSaved': '已存为 PDF：{path}',
  'st.asStand': '按记录现状统计：在册数（党组织、党员、网点）为今天记录中的现状，不随统计期回溯；发展、转正、转接、失联和组织生活按统计期内的日期统计，组织生活截至 {asOf}。表中只有数量，不含任何个人信息。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'nav.statistics': 'Statistics',
  'st.scope': 'Scope',
  'st.allScope': 'Whole scope',
  'st.year': 'Year',
  'st.period': 'Period',
  'st.h1': 'Half year (1 Jan to 30 Jun)',
  'st.yearEnd': 'Year end (1 Jan to 31 Dec)',
  'st.export': 'Export Excel',
  'st.print': 'Print / save as PDF',
  'st.exported': '{n} rows of statistics exported',
  'st.pdfSaved': 'Saved as PDF: {path}',
  'st.asStand': 'Computed from the records as they stand: stock counts (organisations, members, outlets) are today’s records and do not go back in time; admissions, conversions, transfers, lost contact and org life are counted by their dates in the period, org life up to {asOf}. Counts only, no personal data.',
};
