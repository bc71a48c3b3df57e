// 工作台's lights at a glance: this month's red/yellow/green counts of the user's scope and a bar
// per indicator — the same lights as the 预警看板 (read only; keeping them is the board's job).
import { Card, Col, Empty, Row, Statistic, Tooltip } from 'antd';
import { useMemo } from 'react';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { EChart } from '../../../components/EChart';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { glanceOption } from './chartOptions';

export function LightsGlanceCard() {
  const { t, lang } = useT();
  const period = todayInBeijing().slice(0, 7);
  const board = useApi('assessment.board', { period });
  const b = board.data;
  const option = useMemo(() => (b ? glanceOption(b.lights, lang, { red: t('as.red'), yellow: t('as.yellow'), green: t('as.green') }) : null), [b, lang]);
  const total = b ? b.counts.red + b.counts.yellow + b.counts.green : 0;
  return (
    <Card size="small" style={{ marginTop: 12 }} loading={!b && !board.error} data-testid="dash-lights"
      title={<Tooltip title={t('av.glanceHint')}>{t('av.glance', { period })}</Tooltip>}>
      {b && (total === 0 || !option ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('av.glanceNone')} /> : (
        <Row gutter={12} align="middle">
          <Col span={6}>
            <Statistic title={t('as.red')} value={b.counts.red} styles={{ content: { color: '#cf1322' } }} />
            <Statistic title={t('as.yellow')} value={b.counts.yellow} styles={{ content: { color: '#d48806' } }} />
            <Statistic title={t('as.green')} value={b.counts.green} styles={{ content: { color: '#389e0d' } }} />
          </Col>
          <Col span={18}><EChart option={option} height={260} testId="dash-lights-chart" label={t('av.glanceLabel')} /></Col>
        </Row>
      ))}
    </Card>
  );
}
