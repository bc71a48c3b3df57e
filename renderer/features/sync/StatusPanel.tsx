import { Alert, Button, Card, Col, Descriptions, Row, Statistic, Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { SyncStatus } from '../../../shared/sync/contract.js';
import { ROLES } from '../../../shared/domain/enums.js';
import { useT } from '../../i18n';
import { ageText, timeText } from './format';
import { CONNECTION, syncText } from './messages';
import { FirstSyncCard } from './FirstSyncCard';

/**
 * Before enrolment nothing is sent, yet every local write already waits in the outbox (capture runs
 * from the first write), so the count is real and goes with the first sync after enrolment.
 */
export function WaitingBeforeEnrol({ status }: { status: SyncStatus }) {
  const { lang } = useT();
  const s = (k: Parameters<typeof syncText>[1], v?: Record<string, string | number>) => syncText(lang, k, v);
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="sync-not-enrolled"
      title={s('notEnrolled')}
      description={status.pending ? s('waitingBeforeEnrol', { n: status.pending, age: ageText(status.oldestPendingAt, lang) }) : s('nothingBeforeEnrol')}
      action={
        <Statistic data-testid={`sync-card-${s('pending')}`} title={s('pending')} value={status.pending}
          styles={{ content: { fontSize: 24, textAlign: 'right', ...(status.pending ? { color: '#d48806' } : {}) } }} />
      } />
  );
}

export function StatusPanel({ status, busy, onSyncNow }: { status: SyncStatus; busy: boolean; onSyncNow: () => void }) {
  const { lang, label } = useT();
  const s = (k: Parameters<typeof syncText>[1], v?: Record<string, string | number>) => syncText(lang, k, v);
  const conn = CONNECTION[status.connection] ?? CONNECTION.offline!;
  const cards: [string, React.ReactNode, string?][] = [
    [s('connection'), <Tag key="c" color={conn.color} style={{ fontSize: 14, padding: '2px 8px' }}>{conn[lang]}</Tag>],
    [s('lastSuccess'), status.lastSuccessAt ? ageText(status.lastSuccessAt, lang) : s('never')],
    [s('pending'), status.pending, status.pending ? '#d48806' : undefined],
    [s('oldestPending'), ageText(status.oldestPendingAt, lang)],
    [s('openConflicts'), status.openConflicts, status.openConflicts ? '#cf1322' : undefined],
    [s('openRejections'), status.openRejections, status.openRejections ? '#cf1322' : undefined],
    [s('filesToUpload'), s('fileCount', { n: status.filesToUpload }), status.filesToUpload ? '#d48806' : undefined],
    [s('filesMissing'), s('fileCount', { n: status.filesMissing }), status.filesMissing ? '#d48806' : undefined],
  ];
  return (
    <>
      {status.firstSync && <FirstSyncCard progress={status.firstSync} running={status.connection === 'syncing'} />}
      <Row gutter={[12, 12]}>
        {cards.map(([title, value, color]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Card size="small" data-testid={`sync-card-${title}`}>
              <Statistic title={title} value={typeof value === 'number' || typeof value === 'string' ? value : undefined} formatter={typeof value === 'object' ? () => value : undefined} styles={{ content: { fontSize: 20, ...(color ? { color } : {}) } }} />
            </Card>
          </Col>
        ))}
      </Row>
      {status.hqUrlWarning && (
        <Alert style={{ marginTop: 12 }} type={status.hqUrlWarning.refused ? 'error' : 'warning'} showIcon data-testid="sync-insecure-hq"
          message={lang === 'en' ? status.hqUrlWarning.messageEn : status.hqUrlWarning.message} />
      )}
      {status.lastError && (
        <Alert style={{ marginTop: 12 }} type={status.connection === 'offline' ? 'warning' : 'error'} showIcon
          message={`${s('lastError')}（${timeText(status.lastError.at, lang)}）`}
          description={lang === 'en' ? status.lastError.messageEn : status.lastError.message} />
      )}
      {status.filesError && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon
          message={`${s('filesError')}（${timeText(status.filesError.at, lang)}）`}
          description={lang === 'en' ? status.filesError.messageEn : status.filesError.message} />
      )}
      {status.stashed > 0 && <Alert style={{ marginTop: 12 }} type="info" showIcon message={s('stashed', { n: status.stashed })} />}
      <Card size="small" style={{ marginTop: 12 }}
        extra={<Button type="primary" icon={<SyncOutlined spin={busy} />} loading={busy} onClick={onSyncNow}>{s('syncNow')}</Button>}
        title={status.hqUrl}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'user', label: s('user'), children: status.userName },
            { key: 'role', label: s('role'), children: label(ROLES, status.role) },
            { key: 'scope', label: s('scope'), children: status.scopePath },
            { key: 'last', label: s('lastSuccess'), children: timeText(status.lastSuccessAt, lang) },
            { key: 'next', label: s('nextAttempt'), children: status.nextAttemptAt ? timeText(status.nextAttemptAt, lang) : '—' },
            { key: 'device', label: s('device'), children: <code>{status.deviceId}</code> },
          ]} />
      </Card>
    </>
  );
}
