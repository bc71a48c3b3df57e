import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Tag, Typography } from 'antd';
import { modalFits } from '../components/modalFits';
import { reducedMotion } from '../components/motion';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  AccountBookOutlined, ApartmentOutlined, BarChartOutlined, AlertOutlined, CalendarOutlined, FlagOutlined, CloudSyncOutlined, DashboardOutlined, ShopOutlined, SolutionOutlined, TeamOutlined, TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ROLES } from '../../shared/domain/enums.js';
import { useApi } from '../components/useApi';
import { useLang, useT } from '../i18n';
import { AccountMenu, SignInGate } from '../features/signin';
import { PAGES, useNav, type PageKey } from './nav';
import { pageComponents } from './pages';

const ICONS: Record<PageKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  org: <ApartmentOutlined />,
  outlets: <ShopOutlined />,
  people: <TeamOutlined />,
  activities: <CalendarOutlined />,
  instructors: <SolutionOutlined />,
  assessment: <AlertOutlined />,
  work334: <FlagOutlined />,
  dues: <AccountBookOutlined />,
  statistics: <BarChartOutlined />,
  quiz: <TrophyOutlined />,
  sync: <CloudSyncOutlined />,
};

export function Shell() {
  const { t, label, lang } = useT();
  const setLang = useLang((s) => s.setLang);
  const { page, go } = useNav();
  const session = useApi('session.info', {});
  const Page = pageComponents[page];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={188} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: '18px 16px', color: '#fff' }}>
          <div style={{ fontSize: 20, fontWeight: 700, letterSpacing: 2, color: '#ffccc7' }}>{t('appName')}</div>
          <div style={{ fontSize: 12, opacity: 0.7 }}>{t('appSub')}</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[page]}
          onClick={(e) => go(e.key as PageKey)}
          items={PAGES.map((p) => ({ key: p, icon: ICONS[p], label: t(`nav.${p}`) }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>{t(`nav.${page}`)}</Typography.Title>
          <Space>
            {session.data && (
              <>
                <Tag color="red">{label(ROLES, session.data.role)}</Tag>
                <Typography.Text type="secondary">{session.data.userName} · {session.data.profileName}</Typography.Text>
              </>
            )}
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('lang.switch')}</Button>
            <AccountMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
          <Page />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  const lang = useLang((s) => s.lang);
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 4, motion: !reducedMotion } }} modal={modalFits}>
      <AntApp>
        <SignInGate>
          <Shell />
        </SignInGate>
      </AntApp>
    </ConfigProvider>
  );
}
