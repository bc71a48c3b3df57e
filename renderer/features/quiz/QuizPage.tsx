// 党建知识闯关赛: choose the player (many staff share one outlet PC), then play, points and rewards,
// and the participation standings.
import { Card, Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { PlayPanel } from './PlayPanel';
import { PointsPanel } from './PointsPanel';
import { StandingsPanel } from './StandingsPanel';

export function QuizPage() {
  const { t } = useT();
  const players = useApi('quiz.players', {});
  const [personId, setPersonId] = useState<string | undefined>();
  const [tab, setTab] = useState('play');
  const picker = (
    <Card size="small" style={{ marginBottom: 8 }}>
      <Space wrap>
        <Select
          aria-label={t('quiz.player')} placeholder={t('quiz.playerPick')} size="large" style={{ width: 420 }} showSearch optionFilterProp="label"
          value={personId} onChange={setPersonId} loading={players.loading}
          options={(players.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.outletName}）`, member: p.isMember }))}
          optionRender={(o) => <Space>{o.label}{o.data.member && <Tag color="red">{t('quiz.member')}</Tag>}</Space>}
        />
        <Typography.Text type="secondary">{t('quiz.playerHint')}</Typography.Text>
      </Space>
    </Card>
  );
  const needPlayer = (body: React.ReactNode) => (personId ? body : players.data && !players.data.length ? <Empty description={t('quiz.noPlayers')} /> : null);
  return (
    <>
      {tab !== 'standings' && picker}
      <Tabs
        activeKey={tab} onChange={setTab} destroyOnHidden
        items={[
          { key: 'play', label: t('quiz.tab.play'), children: needPlayer(personId && <PlayPanel key={personId} personId={personId} />) },
          { key: 'points', label: t('quiz.tab.points'), children: needPlayer(personId && <PointsPanel key={personId} personId={personId} />) },
          { key: 'standings', label: t('quiz.tab.standings'), children: <StandingsPanel /> },
        ]}
      />
    </>
  );
}
