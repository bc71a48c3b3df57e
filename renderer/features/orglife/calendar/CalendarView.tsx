// A month of activities and due items on a calendar; an entry opens its record, a due item the
// form that settles it.
import { Alert, Calendar, Card, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useMemo, useState } from 'react';
import type { CalendarEntry } from '../../../../shared/orglife/contract.js';
import { ACTIVITY_TYPES } from '../../../../shared/domain/enums.js';
import type { DueItem, Settle } from '../../../../shared/orglife/due.js';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ActivityForm } from '../activities/ActivityForm';
import { DUE_COLOR } from '../activities/labels';
import { SettleForm } from '../due/SettleForm';
import { useDueText } from '../due/DueList';

const TYPE_COLOR: Partial<Record<string, string>> = {
  theme_day: 'red', general_meeting: 'volcano', committee_meeting: 'orange', group_meeting: 'gold', lecture: 'purple',
  org_life_meeting: 'magenta', review: 'magenta', instructor_visit: 'cyan', anti_fraud: 'blue', pioneer_service: 'green',
};

export function CalendarView() {
  const { t, label, lang } = useT();
  const dueText = useDueText();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(todayInBeijing()));
  const [orgId, setOrgId] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [settle, setSettle] = useState<Settle | null>(null);
  const orgs = useApi('partyOrgs.list', {});
  const data = useApi('orgLife.calendar', { month: month.format('YYYY-MM'), orgId });
  const byDay = useMemo(() => {
    const m = new Map<string, { acts: CalendarEntry[]; due: DueItem[] }>();
    const at = (d: string) => m.get(d) ?? m.set(d, { acts: [], due: [] }).get(d)!;
    for (const a of data.data?.activities ?? []) at(a.heldOn).acts.push(a);
    for (const d of data.data?.due ?? []) at(d.deadline).due.push(d);
    return m;
  }, [data.data]);

  const cell = (d: Dayjs) => {
    if (d.month() !== month.month()) return null;
    const day = byDay.get(d.format('YYYY-MM-DD'));
    if (!day) return null;
    const shown = [...day.acts.slice(0, 3)];
    const more = day.acts.length - shown.length;
    return (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {shown.map((a) => (
          <Tooltip key={a.id} title={`${a.title}${a.orgName ? ` · ${a.orgName}` : ''}`}>
            <Tag color={TYPE_COLOR[a.type] ?? 'default'} style={{ margin: 0, cursor: 'pointer', overflow: 'hidden', textOverflow: 'ellipsis', opacity: a.status === 'planned' ? 0.6 : 1 }}
              onClick={(e) => (e.stopPropagation(), setOpen(a.id))}>
              {label(ACTIVITY_TYPES, a.type)}{a.status === 'planned' ? `（${t('act.planned')}）` : ''}
            </Tag>
          </Tooltip>
        ))}
        {more > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('cal.more', { n: more })}</Typography.Text>}
        {day.due.length > 0 && (
          <Tooltip title={<div>{day.due.slice(0, 12).map((x) => <div key={x.key}>{dueText(x)}</div>)}{day.due.length > 12 && '…'}</div>}>
            <Tag color={DUE_COLOR[day.due.some((x) => x.level === 'overdue') ? 'overdue' : day.due.some((x) => x.level === 'warning') ? 'warning' : 'due']}
              style={{ margin: 0, cursor: 'pointer' }} data-testid="calendar-due"
              onClick={(e) => (e.stopPropagation(), day.due.length === 1 && setSettle(day.due[0]!.settle))}>
              {t('cal.dueCount', { n: day.due.length })}
            </Tag>
          </Tooltip>
        )}
      </div>
    );
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('act.allOrgs')} style={{ width: 220 }} value={orgId} onChange={setOrgId}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          <Typography.Text type="secondary">{t('cal.hint')}</Typography.Text>
        </Space>
      }
    >
      {data.error && <Alert type="error" showIcon message={errorText(data.error, lang)} />}
      <Calendar value={month} onPanelChange={(d) => setMonth(d)} onChange={(d) => d.month() !== month.month() && setMonth(d)} cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)} mode="month" />
      <ActivityForm open={!!open} activityId={open ?? undefined} onClose={(saved) => {
        setOpen(null);
        if (saved) void data.reload();
      }} />
      <SettleForm settle={settle} onClose={(saved) => {
        setSettle(null);
        if (saved) void data.reload();
      }} />
    </Card>
  );
}
