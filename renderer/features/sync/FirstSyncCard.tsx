import { Alert, Col, Progress, Row, Statistic } from 'antd';
import type { FirstSyncProgress } from '../../../shared/sync/snapshot.js';
import { useT } from '../../i18n';
import { firstSyncText } from './firstSyncMessages';

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** A first sync under way (rows, MB, time left), or stopped half-way and waiting to resume. */
export function FirstSyncCard({ progress, running }: { progress: FirstSyncProgress; running: boolean }) {
  const { lang } = useT();
  const t = (k: Parameters<typeof firstSyncText>[1], v?: Record<string, string | number>) => firstSyncText(lang, k, v);
  const n = (x: number) => new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN').format(x); // a count, grouped by thousands
  const share = progress.totalBytes ? Math.min(100, Math.floor((progress.bytes / progress.totalBytes) * 100)) : 0;
  const left = progress.secondsLeft;
  const leftText = left === null ? t('leftUnknown') : left < 90 ? t('seconds', { n: Math.max(1, left) }) : t('minutes', { n: Math.ceil(left / 60) });
  return (
    <Alert type={running ? 'info' : 'warning'} showIcon style={{ marginBottom: 12 }} data-testid="sync-first-progress"
      title={running ? t('title') : t('paused')}
      description={
        <>
          <Progress percent={share} status={running ? 'active' : 'normal'} data-testid="sync-first-percent" />
          <Row gutter={24} style={{ marginTop: 8 }}>
            <Col><Statistic title={t('rows')} value={t('rowsValue', { done: n(progress.rows), total: n(progress.totalRows) })} styles={{ content: { fontSize: 18 } }} data-testid="sync-first-rows" /></Col>
            <Col><Statistic title={t('size')} value={t('sizeValue', { done: mb(progress.bytes), total: mb(progress.totalBytes) })} styles={{ content: { fontSize: 18 } }} data-testid="sync-first-mb" /></Col>
            {running && <Col><Statistic title={t('left')} value={leftText} styles={{ content: { fontSize: 18 } }} data-testid="sync-first-left" /></Col>}
          </Row>
          <div style={{ marginTop: 8, color: '#595959' }}>{t('help')}</div>
        </>
      } />
  );
}
