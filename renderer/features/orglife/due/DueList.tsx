// 待办: what is due or overdue in the user's scope this month; each item opens the form that settles it.
import { Alert, Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ACTIVITY_TYPES } from '../../../../shared/domain/enums.js';
import type { DueItem, Settle } from '../../../../shared/orglife/due.js';
import { parsePeriodKey, periodLabel } from '../../../../shared/orglife/periods.js';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { DUE_COLOR, DUE_LEVEL } from '../activities/labels';
import { SettleForm } from './SettleForm';

export function useDueText() {
  const { t, label, lang } = useT();
  return (d: DueItem) => {
    const period = parsePeriodKey(d.periodKey);
    const when = period ? periodLabel(period, lang) : d.periodKey;
    switch (d.kind) {
      case 'meeting':
        return `${label(ACTIVITY_TYPES, d.activityType)}${d.groupName ? `（${d.groupName}）` : ''} · ${d.orgName ?? ''} · ${when}`;
      case 'visit':
        return t('due.visit', { outlet: d.outletName ?? '', instructor: d.instructorName ?? '', when });
      case 'duty':
        return t('due.duty', { type: label(ACTIVITY_TYPES, d.activityType), instructor: d.instructorName ?? '', when });
      case 'conversion':
        return t('due.conversion', { name: d.personName ?? '', org: d.orgName ?? '', day: d.deadline });
    }
  };
}

const ACTION: Record<DueItem['kind'], 'due.record' | 'due.visitNow' | 'due.convert'> = { meeting: 'due.record', duty: 'due.record', visit: 'due.visitNow', conversion: 'due.convert' };

export function DueList() {
  const { t, label, lang } = useT();
  const text = useDueText();
  const due = useApi('orgLife.due', {});
  const [settle, setSettle] = useState<Settle | null>(null);
  const items = due.data?.items ?? [];
  const count = (l: DueItem['level']) => items.filter((i) => i.level === l).length;
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={<Space>{t('due.title')}<Badge count={count('overdue')} color="red" /><Badge count={count('warning')} color="gold" /><Badge count={count('due')} color="blue" /></Space>}
      extra={due.data && <Typography.Text type="secondary">{t('act.asOf', { day: due.data.asOf })}</Typography.Text>}
    >
      {due.error && <Alert type="error" showIcon message={errorText(due.error, lang)} />}
      <List<DueItem>
        size="small"
        loading={due.loading && !due.data}
        dataSource={items}
        locale={{ emptyText: t('due.none') }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(d) => (
          <List.Item
            data-testid="due-item"
            actions={[<Button key="go" size="small" type={d.level === 'overdue' ? 'primary' : 'default'} onClick={() => setSettle(d.settle)}>{t(ACTION[d.kind])}</Button>]}
          >
            <Space size={8} wrap>
              <Tag color={DUE_COLOR[d.level]} style={{ marginInlineEnd: 0 }}>{label(DUE_LEVEL, d.level)}</Tag>
              <span>{text(d)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.overdueDays > 0 ? t('due.overdueDays', { n: d.overdueDays }) : t('due.deadline', { day: d.deadline })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <SettleForm settle={settle} onClose={(saved) => {
        setSettle(null);
        if (saved) void due.reload();
      }} />
    </Card>
  );
}
