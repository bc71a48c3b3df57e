// The board's indicators as table columns, shared by the county table and the city / province roll-up.
import { Space, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UnitIndicators } from '../../shared/console/types.js';
import type { Light } from '../../shared/orglife/status.js';
import { LightDot } from '../components/LightDot';
import { enW, zhW } from '../i18n/texts/consoleWork';
import type { CKey } from './i18n';

type WKey = keyof typeof zhW;
const fill = (s: string, v: Record<string, number | string>) => Object.entries(v).reduce((out, [k, x]) => out.replace(`{${k}}`, String(x)), s);

export const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

export function indicatorColumns<T extends UnitIndicators & { path: string }>(t: (k: CKey, v?: Record<string, string | number>) => string, lang: 'zh' | 'en'): ColumnsType<T> {
  const w = (k: WKey, v: Record<string, number | string> = {}) => fill((lang === 'en' ? enW : zhW)[k], v);
  const lit = (light: Light, text: React.ReactNode, testId?: string) => <Space size={4}><LightDot light={light} /><span data-testid={testId}>{text}</span></Space>;
  return [
    { title: t('c.ov.coverage'), key: 'cov', width: 110, render: (_, c) => lit(c.lights.coverage, pct(c.coverage), `cov-${c.path}`) },
    { title: t('c.ov.contact'), key: 'con', width: 110, render: (_, c) => lit(c.lights.contact, pct(c.contact)) },
    { title: t('c.ov.attendance'), key: 'att', width: 110, render: (_, c) => lit(c.lights.attendance, pct(c.attendance)) },
    { title: <Tooltip title={t('c.ov.memberGapHint')}>{t('c.ov.memberGap')}</Tooltip>, key: 'gap', width: 120, render: (_, c) => lit(c.lights.member_gap, c.membersWithoutOrgLife, `gap-${c.path}`) },
    { title: t('c.ov.conversions'), key: 'pro', width: 100, render: (_, c) => lit(c.lights.probation_overdue, c.conversionsOverdue) },
    { title: t('c.ov.items'), key: 'items', width: 110, render: (_, c) => lit(c.lights.rectification_overdue, c.itemsOverdue, `items-${c.path}`) },
    { title: t('c.ov.monthly'), key: 'mm', width: 150, render: (_, c) => lit(c.lights.meetings_monthly, t('c.ov.behind', { n: c.monthlyBehind, of: c.orgsWithCadence })) },
    { title: t('c.ov.quarterly'), key: 'mq', width: 150, render: (_, c) => lit(c.lights.meetings_quarterly, t('c.ov.behind', { n: c.quarterlyBehind, of: c.orgsWithCadence })) },
    { title: <Tooltip title={w('c.ov.milestonesHint')}>{w('c.ov.milestones')}</Tooltip>, key: 'ms', width: 170,
      render: (_, c) => lit(c.lights.milestones, w('c.ov.milestonesCell', { missed: c.nodesMissed, late: c.nodesLate }), `ms-${c.path}`) },
    { title: <Tooltip title={w('c.ov.standingHint')}>{w('c.ov.standing')}</Tooltip>, key: 'st', width: 210,
      render: (_, c) => lit(c.lights.member_standing, w('c.ov.standingCell', { lapse: c.membersLapseRisk, lost: c.membersLostContact, transfer: c.transfersDue }), `st-${c.path}`) },
    { title: <Tooltip title={w('c.ov.dualTrackHint')}>{w('c.ov.dualTrack')}</Tooltip>, key: 'dt', width: 190,
      render: (_, c) => lit(c.lights.dual_track, c.dualTrack === null ? w('c.ov.dualTrackNone') : w('c.ov.dualTrackCell', { score: c.dualTrack, scored: c.outletsScored, red: c.outletsRed }), `dt-${c.path}`) },
  ];
}
