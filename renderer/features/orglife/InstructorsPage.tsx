// 指导员工作: duty compliance, visit records and contact-point assignments as tabs.
import { Tabs } from 'antd';
import { useT } from '../../i18n';
import { AssignmentsPanel } from './instructors/AssignmentsPanel';
import { DutyPanel } from './instructors/DutyPanel';
import { VisitsPanel } from './instructors/VisitsPanel';

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
