import { Tabs } from 'antd';
import { useState } from 'react';
import { CensusPanel } from './census/CensusPanel';
import { CoveragePanel } from './coverage/CoveragePanel';
import { AuditPanel } from './AuditPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { PipelinePanel } from './lifecycle/PipelinePanel';
import { RegistersPanel } from './lifecycle/RegistersPanel';
import { RosterTab } from './RosterTab';
import { useRegText, type RegKey } from './text';

const TABS = ['roster', 'census', 'duplicates', 'coverage', 'pipeline', 'registers', 'audit'] as const;
type TabKey = (typeof TABS)[number];

const PANELS: Record<TabKey, () => React.ReactNode> = {
  roster: () => <RosterTab />,
  census: () => <CensusPanel />,
  duplicates: () => <DuplicatesPanel />,
  coverage: () => <CoveragePanel />,
  pipeline: () => <PipelinePanel />,
  registers: () => <RegistersPanel />,
  audit: () => <AuditPanel />,
};

const STORE = 'rc.people.tab';

/** 党员信息库: the roster and the registry's work, one tab each (no extra navigation items). */
export function PeoplePage() {
  const r = useRegText();
  const saved = (typeof sessionStorage !== 'undefined' ? sessionStorage.getItem(STORE) : null) as TabKey | null;
  const [tab, setTab] = useState<TabKey>(saved && TABS.includes(saved) ? saved : 'roster');
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => {
        setTab(k as TabKey);
        sessionStorage.setItem(STORE, k);
      }}
      destroyOnHidden
      items={TABS.map((k) => ({ key: k, label: r(`tab.${k}` as RegKey), children: PANELS[k]() }))}
      tabBarStyle={{ marginBottom: 8 }}
    />
  );
}
