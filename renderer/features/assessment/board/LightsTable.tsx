// One row per subject (county, grid, organisation, outlet), one column per warning row; a light
// opens its causes.
import { Button, Table, Tag, Tooltip } from 'antd';
import type { BoardLight, SubjectKind } from '../../../../shared/assessment/types.js';
import { INDICATORS, type Indicator } from '../../../../shared/assessment/thresholds.js';
import { LightDot } from '../../../components/LightDot';
import { useT } from '../../../i18n';
import { INDICATOR_SHORT, INDICATORS_L, SUBJECT_KINDS_L, valueText } from '../labels';

export interface SubjectRow {
  key: string;
  kind: SubjectKind;
  name: string;
  lights: Partial<Record<Indicator, BoardLight>>;
  worst: number;
}

const RANK = { red: 3, yellow: 2, green: 1, none: 0 } as const;
const KIND_ORDER: Record<SubjectKind, number> = { county: 0, grid: 1, org: 2, outlet: 3 };

export function subjectRows(lights: BoardLight[], onlyWarnings: boolean): SubjectRow[] {
  const by = new Map<string, SubjectRow>();
  for (const l of lights) {
    const key = `${l.subjectKind}|${l.subjectId}`;
    const row = by.get(key) ?? by.set(key, { key, kind: l.subjectKind, name: l.subjectName, lights: {}, worst: 0 }).get(key)!;
    row.lights[l.indicator] = l;
    row.worst = Math.max(row.worst, RANK[l.colour]);
  }
  return [...by.values()]
    .filter((r) => !onlyWarnings || r.worst >= 2)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.worst - a.worst || a.name.localeCompare(b.name, 'zh-CN'));
}

export function LightsTable(props: { rows: SubjectRow[]; escalated: Set<string>; onOpen(l: BoardLight): void }) {
  const { t, label, lang } = useT();
  return (
    <Table<SubjectRow>
      size="small" rowKey="key" dataSource={props.rows} data-testid="as-lights" pagination={{ pageSize: 12, size: 'small', showSizeChanger: false }}
      // eleven indicators since the dual-track composite joined: they still fit 1366 px beside the menu
      scroll={{ x: 1120 }}
      columns={[
        { title: t('as.subjectKind'), dataIndex: 'kind', width: 104, fixed: 'left', render: (k: SubjectKind) => label(SUBJECT_KINDS_L, k) },
        { title: t('as.subject'), dataIndex: 'name', width: 136, fixed: 'left', ellipsis: true },
        ...INDICATORS.map((ind) => ({
          key: ind, width: 80, align: 'center' as const,
          title: <Tooltip title={label(INDICATORS_L, ind)}>{INDICATOR_SHORT[ind][lang]}</Tooltip>,
          render: (_: unknown, r: SubjectRow) => {
            const l = r.lights[ind];
            if (!l) return null;
            const esc = props.escalated.has(`${l.subjectId}|${l.indicator}`);
            return (
              <Tooltip title={`${label(INDICATORS_L, ind)}：${valueText(l, lang)}${l.derived ? `（${t('as.derived')}）` : ''}${esc ? ` · ${t('as.escalated')}` : ''}`}>
                <Button
                  type="text" size="small" onClick={() => props.onOpen(l)} data-testid={`light-${l.subjectId}-${ind}`}
                  aria-label={`${r.name} ${label(INDICATORS_L, ind)} ${l.colour}`}
                >
                  <LightDot light={l.colour} />
                  {esc && <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0, fontSize: 10, lineHeight: '14px', padding: '0 2px' }}>×2</Tag>}
                </Button>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
}
