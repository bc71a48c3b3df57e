// 节点对账: a year's milestone nodes under the scope, done / late / missed / open, with completion
// (date and evidence) and, for a missed node, a rectification item in the three lists.
import { App, Button, DatePicker, Input, InputNumber, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { NODE_STATE_KEYS, type NodeState } from '../../../shared/milestones/rules.js';
import type { NodeRow } from '../../../shared/milestones/types.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { GoalForm } from './GoalForm';
import { NODE_STATE_COLOUR, NODE_STATES_L } from './labels';

export function MilestonesTab(props: { canWrite: boolean }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(todayInBeijing().slice(0, 4)));
  const [state, setState] = useState<NodeState | 'all'>('all');
  const [page, setPage] = useState(1);
  const [goalOpen, setGoalOpen] = useState(false);
  const [finishing, setFinishing] = useState<NodeRow | null>(null);
  const [doneOn, setDoneOn] = useState(dayjs(todayInBeijing()));
  const [evidence, setEvidence] = useState('');
  const list = useApi('milestones.list', { year, ...(state !== 'all' ? { state } : {}), limit: 12, offset: (page - 1) * 12 });
  const act = async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      message.success(ok);
      void list.reload();
      return true;
    } catch (e) {
      message.error(errorText(e, lang));
      return false;
    }
  };
  const c = list.data?.counts;
  const exportIt = () => act(async () => {
    const f = await call('milestones.export', { year });
    downloadFile(f);
  }, t('w3.exported', { n: list.data?.counts ? Object.values(list.data.counts).reduce((a, b) => a + b, 0) : 0 }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('w3.year')} min={2000} max={2100} value={year} onChange={(v) => v && (setYear(v), setPage(1))} style={{ width: 90 }} />
        <Segmented<NodeState | 'all'> value={state} onChange={(v) => { setState(v); setPage(1); }} data-testid="w3-node-states"
          options={[{ value: 'all', label: t('w3.allStates') }, ...NODE_STATE_KEYS.map((k) => ({ value: k, label: `${label(NODE_STATES_L, k)} ${c ? c[k] : ''}` }))]} />
        {props.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setGoalOpen(true)}>{t('w3.newGoal')}</Button>}
        <Button icon={<DownloadOutlined />} onClick={exportIt}>{t('w3.export')}</Button>
        {list.data && <Typography.Text type="secondary">{t('w3.asOf', { date: list.data.asOf })}</Typography.Text>}
      </Space>
      <Table<NodeRow> size="small" rowKey="id" loading={list.loading && !list.data} dataSource={list.data?.rows ?? []} data-testid="w3-nodes"
        pagination={{ current: page, pageSize: 12, total: list.data?.total ?? 0, size: 'small', onChange: setPage }}
        columns={[
          { title: t('w3.org'), dataIndex: 'orgName', width: 150, ellipsis: true },
          { title: t('w3.goalTitle'), key: 'goal', width: 170, ellipsis: true, render: (_: unknown, r) => (r.teamName ? `${r.goalTitle}（${r.teamName}）` : r.goalTitle) },
          { title: t('w3.node'), dataIndex: 'title', ellipsis: true },
          { title: t('w3.owner'), dataIndex: 'ownerName', width: 80 },
          { title: t('w3.standard'), dataIndex: 'standard', width: 120, ellipsis: true },
          { title: t('w3.dueOn'), dataIndex: 'dueOn', width: 100 },
          {
            title: t('w3.state'), dataIndex: 'state', width: 150,
            render: (s: NodeState, r) => (<><Tag color={NODE_STATE_COLOUR[s]}>{label(NODE_STATES_L, s)}</Tag>{r.lateDays > 0 && <Typography.Text type="danger">{t('w3.late', { n: r.lateDays })}</Typography.Text>}</>),
          },
          {
            title: '', key: 'act', width: 190,
            render: (_: unknown, r) => props.canWrite && (
              <Space size={4}>
                {!r.doneOn && <Button size="small" onClick={() => { setEvidence(''); setDoneOn(dayjs(todayInBeijing())); setFinishing(r); }}>{t('w3.complete')}</Button>}
                {r.state === 'missed' && !r.itemId && <Button size="small" danger onClick={() => act(() => call('milestones.rectify', { id: r.id }), t('w3.rectified'))}>{t('w3.rectify')}</Button>}
                {r.itemId && <Tag color="orange">{t('w3.itemOpen')}</Tag>}
              </Space>
            ),
          },
        ]} />
      <GoalForm open={goalOpen} year={year} onClose={(saved) => {
        setGoalOpen(false);
        if (saved) void list.reload();
      }} />
      <Modal open={!!finishing} title={`${t('w3.complete')}：${finishing?.title ?? ''}`} onCancel={() => setFinishing(null)} data-testid="w3-complete"
        onOk={async () => finishing && (await act(() => call('milestones.complete', { id: finishing.id, doneOn: doneOn.format('YYYY-MM-DD'), evidence: evidence.trim() || null }), t('w3.saved'))) && setFinishing(null)}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{finishing?.standard}</Typography.Text>
          <DatePicker value={doneOn} onChange={(d) => d && setDoneOn(d)} aria-label={t('w3.doneOn')} />
          <Input.TextArea rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('w3.nodeEvidence')} aria-label={t('w3.nodeEvidence')} maxLength={2000} />
        </Space>
      </Modal>
    </>
  );
}
