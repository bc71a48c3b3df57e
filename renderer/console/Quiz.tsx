// 知识闯关 at HQ: the question bank, the questions players reported as wrong, the rewards, the
// redemption requests and the change log, one tab each. What a county organiser may change is decided by HQ, per route.
import { Tabs } from 'antd';
import { useState } from 'react';
import type { ConsoleSession } from '../../shared/console/types.js';
import { useCT } from './i18n';
import { QuizBank } from './QuizBank';
import { QuizHistory } from './QuizHistory';
import { QuizRedemptions } from './QuizRedemptions';
import { QuizReports } from './QuizReports';
import { QuizRewards } from './QuizRewards';

type Tab = 'bank' | 'reports' | 'rewards' | 'redemptions' | 'history';

export function Quiz({ me }: { me: ConsoleSession }) {
  const { t } = useCT();
  // A county organiser's work here is the requests; HQ's is the bank.
  const [tab, setTab] = useState<Tab>(me.role === 'hq_admin' ? 'bank' : 'redemptions');
  return (
    <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} destroyOnHidden
      items={[
        { key: 'bank', label: t('q.tab.bank'), children: <QuizBank me={me} /> },
        { key: 'reports', label: t('q.tab.reports'), children: <QuizReports me={me} /> },
        { key: 'rewards', label: t('q.tab.rewards'), children: <QuizRewards me={me} /> },
        { key: 'redemptions', label: t('q.tab.redemptions'), children: <QuizRedemptions /> },
        { key: 'history', label: t('q.tab.history'), children: <QuizHistory /> },
      ]} />
  );
}
