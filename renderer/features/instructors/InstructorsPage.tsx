// 指导员工作: duty compliance, visit records and contact-point assignments as tabs.
import { Tabs } from 'antd';
import { useT } from '../../i18n';
import { AssignmentsPanel } from './AssignmentsPanel';
import { DutyPanel } from './DutyPanel';
import { VisitsPanel } from './VisitsPanel';

export function InstructorsPage() {
  const { t } = useT();
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'duties', label: t('ins.tabDuties'), children: <DutyPanel /> },
        { key: 'visits', label: t('ins.tabVisits'), children: <VisitsPanel /> },
        { key: 'assignments', label: t('ins.tabAssignments'), children: <AssignmentsPanel /> },
      ]}
    />
  );
}
