// 组织生活: the activity log, cadence compliance, the calendar and the record book as tabs.
import { Tabs } from 'antd';
import { useState } from 'react';
import { CalendarView } from './calendar/CalendarView';
import { RecordBookView } from './recordbook/RecordBookView';
import { useT } from '../../i18n';
import { ActivityList } from './activities/ActivityList';
import { CompliancePanel } from './activities/CompliancePanel';

type Tab = 'log' | 'compliance' | 'calendar' | 'recordbook';

export function ActivitiesPage() {
  const { t } = useT();
  const [tab, setTab] = useState<Tab>('log');
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setTab(k as Tab)}
      destroyOnHidden
      items={[
        { key: 'log', label: t('act.tabLog'), children: <ActivityList /> },
        { key: 'compliance', label: t('act.tabCompliance'), children: <CompliancePanel /> },
        { key: 'calendar', label: t('act.tabCalendar'), children: <CalendarView /> },
        { key: 'recordbook', label: t('act.tabRecordBook'), children: <RecordBookView /> },
      ]}
    />
  );
}
