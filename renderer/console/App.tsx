// The HQ console's shell: sign-in until HQ knows the session, then the pages a province or county
// administrator works in. zh-CN first (antd's Chinese locale), English by the header's switch.
import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { modalFits } from '../components/modalFits';
import { reducedMotion } from '../components/motion';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { AuditOutlined, CloudSyncOutlined, DashboardOutlined, DatabaseOutlined, LaptopOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { ConsoleSession } from '../../shared/console/types.js';
import { useLang } from '../i18n';
import { session as loadSession, signOut } from './api';
import { useScopeLabel } from './scopeLabel';
import { useCT, type CKey } from './i18n';
import { SignIn } from './SignIn';
import { Devices } from './Devices';
import { RefData } from './RefData';
import { Overview } from './Overview';
import { Health } from './Health';
import { Audit } from './Audit';
import { Users } from './Users';
import { Quiz } from './Quiz';

type Page = 'overview' | 'devices' | 'refdata' | 'quiz' | 'health' | 'audit' | 'users';
const PAGES: { key: Page; icon: ReactNode }[] = [
  { key: 'overview', icon: <DashboardOutlined /> },
  { key: 'devices', icon: <LaptopOutlined /> },
  { key: 'refdata', icon: <DatabaseOutlined /> },
  { key: 'quiz', icon: <TrophyOutlined /> },
  { key: 'health', icon: <CloudSyncOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
  { key: 'users', icon: <UserOutlined /> },
];

function Shell({ me, onSignedOut }: { me: ConsoleSession; onSignedOut(): void }) {
  const { t, lang } = useCT();
  const scopeName = useScopeLabel(me.scopePath);
  const setLang = useLang((s) => s.setLang);
  const [page, setPage] = useState<Page>(() => (location.hash.slice(1) as Page) || 'overview');
  useEffect(() => {
    location.hash = page;
  }, [page]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={lang === 'en' ? 216 : 180} theme="dark">
        <div style={{ padding: '18px 16px', color: '#fff' }}>
          <div style={{ fontSize: 17, fontWeight: 700, color: '#ffccc7' }}>{t('c.title')}</div>
          <div style={{ fontSize: 12, opacity: 0.7 }}>{t('c.sub')}</div>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[page]} onClick={(e) => setPage(e.key as Page)}
          items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: t(`c.nav.${p.key}` as CKey) }))} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t(`c.nav.${page}` as CKey)}</Typography.Title>
          <Space>
            <Tag color="red">{t(`c.role.${me.role}` as CKey)}</Tag>
            <Typography.Text type="secondary" data-testid="console-user">{me.displayName} · {scopeName}</Typography.Text>
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('c.lang')}</Button>
            <Button size="small" onClick={() => void signOut().finally(onSignedOut)}>{t('c.signout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          {me.insecure && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('c.insecure')} />}
          {page === 'overview' && <Overview me={me} />}
          {page === 'devices' && <Devices me={me} />}
          {page === 'refdata' && <RefData me={me} />}
          {page === 'quiz' && <Quiz me={me} />}
          {page === 'health' && <Health me={me} />}
          {page === 'audit' && <Audit />}
          {page === 'users' && <Users me={me} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function ConsoleApp() {
  const lang = useLang((s) => s.lang);
  const [me, setMe] = useState<ConsoleSession | null | undefined>(undefined);
  useEffect(() => {
    loadSession().then(setMe, () => setMe(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c41d1d', motion: !reducedMotion } }} modal={modalFits}>
      <AntApp>
        {me === undefined ? <Spin style={{ margin: 80 }} /> : me === null ? <SignIn onSignedIn={setMe} /> : <Shell me={me} onSignedOut={() => setMe(null)} />}
      </AntApp>
    </ConfigProvider>
  );
}
