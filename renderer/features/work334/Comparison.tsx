// 数据对比 of a review: this period against the one before, lights and milestone nodes.
import { Descriptions, Typography } from 'antd';
import { INDICATOR_LABELS, type Indicator } from '../../../shared/assessment/thresholds.js';
import type { ReviewData } from '../../../shared/reviews/rules.js';
import { useT } from '../../i18n';

export function Comparison({ data }: { data: ReviewData }) {
  const { t, lang } = useT();
  const ryg = (c: ReviewData['lights']) => `${c.red} / ${c.yellow} / ${c.green}`;
  const nodes = (n: ReviewData['nodes']) => `${n.missed} / ${n.late}`;
  return (
    <div data-testid="w3-compare" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('w3.compare')}</Typography.Text>
      <Descriptions size="small" bordered column={3} items={[
        { key: 'h', label: '', children: `${t('w3.thisPeriod')} ${data.period}` },
        { key: 'h2', label: '', span: 2, children: `${t('w3.prevPeriod')} ${data.previous}` },
        { key: 'l', label: t('w3.lightsRYG'), children: ryg(data.lights) },
        { key: 'l2', label: '', span: 2, children: ryg(data.previousLights) },
        { key: 'n', label: t('w3.nodesMissedLate'), children: nodes(data.nodes) },
        { key: 'n2', label: '', span: 2, children: nodes(data.previousNodes) },
        { key: 'r', label: t('w3.topReds'), span: 3, children: data.reds.map((r) => `${INDICATOR_LABELS[r.indicator as Indicator]?.[lang] ?? r.indicator} ×${r.count}`).join(lang === 'zh' ? '；' : '; ') || '—' },
      ]} />
    </div>
  );
}
