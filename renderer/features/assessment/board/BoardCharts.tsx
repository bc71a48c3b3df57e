// The heat view by county and the trend of lights per month. echarts is not among the project's
// packages, so both are drawn as stacked bars with antd and plain boxes (same colours as LightDot).
import { Card, Empty, Table, Tooltip, Typography } from 'antd';
import type { ColourCounts, HeatRow, TrendPoint } from '../../../../shared/assessment/types.js';
import { useT } from '../../../i18n';

const COLOUR = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' } as const;

/** One stacked bar: red, yellow and green in proportion, the numbers on hover. */
export function StackBar({ c, width = 260 }: { c: ColourCounts; width?: number }) {
  const { t } = useT();
  const total = c.red + c.yellow + c.green;
  if (!total) return <span style={{ color: '#999' }}>—</span>;
  const text = `${t('as.red')} ${c.red} · ${t('as.yellow')} ${c.yellow} · ${t('as.green')} ${c.green}`;
  return (
    <Tooltip title={text}>
      <div role="img" aria-label={text} style={{ display: 'flex', width, height: 14, borderRadius: 3, overflow: 'hidden', background: '#f0f0f0' }}>
        {(['red', 'yellow', 'green'] as const).map((k) => (c[k] ? <div key={k} style={{ width: `${(c[k] / total) * 100}%`, background: COLOUR[k] }} /> : null))}
      </div>
    </Tooltip>
  );
}

export function HeatCard({ rows }: { rows: HeatRow[] }) {
  const { t } = useT();
  return (
    <Card size="small" title={<Tooltip title={t('as.heatHint')}>{t('as.heat')}</Tooltip>} data-testid="as-heat">
      <Table<HeatRow>
        size="small" rowKey="countyId" pagination={rows.length > 6 ? { pageSize: 6, size: 'small' } : false} dataSource={rows}
        columns={[
          { title: t('as.subject'), dataIndex: 'countyName', ellipsis: true },
          { title: t('as.red'), dataIndex: 'red', width: 62, align: 'right', render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
          { title: t('as.yellow'), dataIndex: 'yellow', width: 66, align: 'right' },
          { title: t('as.green'), dataIndex: 'green', width: 62, align: 'right' },
          { title: '', key: 'bar', width: 96, render: (_: unknown, r) => <StackBar c={r} width={80} /> },
        ]}
      />
    </Card>
  );
}

export function TrendCard({ points }: { points: TrendPoint[] }) {
  const { t } = useT();
  return (
    <Card size="small" title={<Tooltip title={t('as.trendHint')}>{t('as.trend')}</Tooltip>} data-testid="as-trend">
      {points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('as.trendNone')} />
      ) : (
        <div style={{ display: 'flex', alignItems: 'flex-end', gap: 10, height: 150, paddingTop: 8 }}>
          {points.map((p) => {
            const max = Math.max(...points.map((x) => x.red + x.yellow + x.green), 1);
            const h = (n: number) => Math.round((n / max) * 120);
            const text = `${p.period}：${t('as.red')} ${p.red} · ${t('as.yellow')} ${p.yellow} · ${t('as.green')} ${p.green}`;
            return (
              <Tooltip key={p.period} title={text}>
                <div role="img" aria-label={text} style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', width: 44 }}>
                  <div style={{ display: 'flex', flexDirection: 'column-reverse', width: 26 }}>
                    <div style={{ height: h(p.green), background: COLOUR.green }} />
                    <div style={{ height: h(p.yellow), background: COLOUR.yellow }} />
                    <div style={{ height: h(p.red), background: COLOUR.red }} />
                  </div>
                  <Typography.Text style={{ fontSize: 11 }}>{p.period.slice(2)}</Typography.Text>
                </div>
              </Tooltip>
            );
          })}
        </div>
      )}
    </Card>
  );
}
