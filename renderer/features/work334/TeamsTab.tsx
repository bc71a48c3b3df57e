// 岗区队: the scope's vanguard posts, responsibility areas and commando teams, with their period,
// people, outlets and how their milestone nodes stand.
import { App, Button, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { TEAM_KIND_KEYS, type TeamKind } from '../../../shared/teams/rules.js';
import type { TeamDetail, TeamRow } from '../../../shared/teams/types.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { TEAM_KINDS_L } from './labels';
import { TeamForm } from './TeamForm';

const STATE_COLOUR = { upcoming: 'default', active: 'processing', ended: 'success' } as const;

export function TeamsTab(props: { canWrite: boolean }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<TeamKind | undefined>();
  const [activeOnly, setActiveOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TeamDetail | 'new' | null>(null);
  const list = useApi('teams.list', { ...(kind ? { kind } : {}), ...(activeOnly ? { activeOnly } : {}), limit: 12, offset: (page - 1) * 12 });
  const open = async (r: TeamRow) => {
    try {
      setEditing(await call('teams.get', { id: r.id }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const exportIt = async () => {
    try {
      const f = await call('teams.export', { list: 'teams' });
      downloadFile(f);
      message.success(t('w3.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<TeamKind> allowClear placeholder={t('w3.allKinds')} aria-label={t('w3.kind')} style={{ width: 150 }} value={kind} onChange={(k) => { setKind(k); setPage(1); }}
          options={TEAM_KIND_KEYS.map((k) => ({ value: k, label: label(TEAM_KINDS_L, k) }))} />
        <Space size={6}><Switch size="small" checked={activeOnly} onChange={(v) => { setActiveOnly(v); setPage(1); }} aria-label={t('w3.activeOnly')} /><span>{t('w3.activeOnly')}</span></Space>
        {props.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('w3.newTeam')}</Button>}
        <Button icon={<DownloadOutlined />} onClick={exportIt}>{t('w3.export')}</Button>
      </Space>
      <Table<TeamRow> size="small" rowKey="id" loading={list.loading && !list.data} dataSource={list.data?.rows ?? []} data-testid="w3-teams"
        pagination={{ current: page, pageSize: 12, total: list.data?.total ?? 0, size: 'small', onChange: setPage }}
        columns={[
          { title: t('w3.kind'), dataIndex: 'kind', width: 110, render: (k: TeamKind) => label(TEAM_KINDS_L, k) },
          { title: t('w3.name'), dataIndex: 'name', ellipsis: true, render: (v: string, r) => <Tooltip title={r.goal}>{v}</Tooltip> },
          { title: t('w3.org'), dataIndex: 'orgName', width: 170, ellipsis: true },
          { title: t('w3.period'), key: 'period', width: 190, render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn ?? ''}` },
          { title: t('w3.state'), dataIndex: 'state', width: 86, render: (s: TeamRow['state']) => <Tag color={STATE_COLOUR[s]}>{t(`w3.state.${s}`)}</Tag> },
          { title: t('w3.leader'), dataIndex: 'leaderName', width: 90 },
          { title: t('w3.members'), dataIndex: 'memberCount', width: 84, align: 'right' },
          { title: t('w3.outlets'), dataIndex: 'outletCount', width: 80, align: 'right' },
          {
            title: t('w3.nodes'), key: 'nodes', width: 110,
            render: (_: unknown, r) => (<>{r.nodes}{r.missedNodes > 0 && <Typography.Text type="danger"> {t('w3.missedNodes', { n: r.missedNodes })}</Typography.Text>}</>),
          },
          { title: '', key: 'act', width: 70, render: (_: unknown, r) => props.canWrite && <Button size="small" onClick={() => open(r)}>{t('w3.edit')}</Button> },
        ]} />
      <TeamForm team={editing} onClose={(saved) => {
        setEditing(null);
        if (saved) void list.reload();
      }} />
    </>
  );
}
