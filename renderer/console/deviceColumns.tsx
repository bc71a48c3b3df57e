// The device table's columns, packed to fit 1366 px beside the menu with the actions column fixed:
// what belongs together shares a cell (user and role, app and schema version, changes waiting and the
// oldest of them, the device's last error and HQ's last refusal).
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { DeviceRow } from '../../shared/console/types.js';
import type { Labelled } from '../../shared/domain/enums.js';
import { formatDateTime } from '../components/formatDate';
import type { CKey } from './i18n';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);
const small = (node: ReactNode, type?: 'secondary' | 'danger') => <Typography.Text type={type} style={{ fontSize: 12, display: 'block', wordBreak: 'break-all' }}>{node}</Typography.Text>;

export function deviceColumns(o: { t: (k: CKey, v?: Record<string, string | number>) => string; lang: 'zh' | 'en'; roles: Labelled; silentDays: number; scopeName: (path: string) => string; actions: (d: DeviceRow) => ReactNode }): ColumnsType<DeviceRow> {
  const { t, lang } = o;
  const nr = <Typography.Text type="secondary">{t('c.notReported')}</Typography.Text>;
  return [
    { title: t('c.dev.user'), key: 'user', width: 120, fixed: 'left', render: (_, d) => <>{d.userName}{small(o.roles[d.role]?.[lang] ?? d.role, 'secondary')}</> },
    { title: t('c.dev.scope'), dataIndex: 'scopePath', width: 120, render: (v: string) => (o.scopeName(v) === v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : <>{o.scopeName(v)}{small(v, 'secondary')}</>) },
    { title: t('c.dev.status'), key: 'status', width: 100, render: (_, d) => d.revokedAt ? <Tag>{t('c.dev.revoked')}</Tag>
      : d.silent ? <Tag color="orange">{t('c.dev.silent', { days: o.silentDays })}</Tag> : <Tag color="green">{t('c.dev.active')}</Tag> },
    { title: t('c.dev.versions'), key: 'ver', width: 140, render: (_, d) => (
      <>
        {d.appVersion ?? nr}
        {d.tooOld && <Tooltip title={t('c.dev.tooOldHint')}><Tag color="red" style={{ marginInlineStart: 6 }}>{t('c.dev.tooOld')}</Tag></Tooltip>}
        {small(d.schemaVersion ?? nr, 'secondary')}
      </>
    ) },
    { title: t('c.dev.lastSeen'), dataIndex: 'lastSeenAt', width: 130, render: (v: string | null) => when(v) ?? t('c.never') },
    { title: t('c.dev.waiting'), key: 'waiting', width: 150, render: (_, d) => d.waiting === null ? nr
      : <>{d.waiting}{d.oldestUnsentAt && small(t('c.dev.oldestAt', { date: when(d.oldestUnsentAt)! }), 'secondary')}</> },
    { title: t('c.dev.problems'), key: 'problems', width: 160, render: (_, d) => {
      const err = d.lastError;
      if (!err && !d.lastRejectedAt) return d.reportedAt ? t('c.none') : nr;
      return (
        <Space direction="vertical" size={0}>
          {err && <Tooltip title={`${when(err.at) ?? ''} ${err[lang]}`}>{small(<>{t('c.dev.deviceError')}{err[lang].slice(0, 40)}</>, 'danger')}</Tooltip>}
          {d.lastRejectedAt && <Tooltip title={d.lastRejectedReason}>{small(<>{t('c.dev.hqRefused')}{when(d.lastRejectedAt)}</>, 'danger')}</Tooltip>}
        </Space>
      );
    } },
    { title: t('c.dev.actions'), key: 'a', width: 190, fixed: 'right', render: (_, d) => o.actions(d) },
  ];
}
