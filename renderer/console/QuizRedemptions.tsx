// 兑换申请: the redemption requests of the user's scope, pending first in the order they were made.
// HQ decides each one against the stock and the person's points from every device; a refusal's
// reason travels back to the device, where the points count again.
import { Alert, App, Button, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RedemptionRow } from '../../shared/console/quiz.js';
import { refusalText } from '../../shared/quiz/refusals.js';
import { formatDateTime } from '../components/formatDate';
import { get, post } from './api';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

const COLORS = { requested: 'orange', approved: 'green', refused: 'default' } as const;

export function QuizRedemptions() {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const [pendingOnly, setPendingOnly] = useState(true);
  const list = useLoad(() => get<RedemptionRow[]>('v1/quiz/redemptions', { status: pendingOnly ? 'requested' : undefined }), [pendingOnly]);
  const [refusing, setRefusing] = useState<RedemptionRow | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (r: RedemptionRow, approve: boolean, why?: string) => {
    setBusy(true);
    try {
      const v = await post<{ status: 'approved' | 'refused'; reason: string | null }>(`v1/quiz/redemptions/${r.id}/decide`, { approve, ...(why ? { reason: why } : {}) });
      if (v.status === 'approved') void message.success(t('q.rd.done.approved'));
      else void message.warning(t('q.rd.done.refused', { reason: refusalText(v.reason ?? '', lang) }));
      setRefusing(null);
      list.reload();
    } catch (e) {
      void message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Space size={4}><Switch size="small" checked={pendingOnly} onChange={setPendingOnly} aria-label={t('q.rd.pendingOnly')} /><span>{t('q.rd.pendingOnly')}</span></Space>
        <Button onClick={list.reload}>{t('c.reload')}</Button>
      </Space>
      <Typography.Text type="secondary">{t('q.rd.hint')}</Typography.Text>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, lang)} />}
      <Table<RedemptionRow> size="small" rowKey="id" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 12, showSizeChanger: false }} data-testid="quiz-redemptions"
        locale={{ emptyText: t('q.rd.empty') }}
        columns={[
          { title: t('q.rd.person'), key: 'p', width: 130, render: (_, r) => r.personName ?? <Typography.Text type="secondary">{t('q.rd.unknownPerson')}</Typography.Text> },
          { title: t('q.rd.reward'), key: 'reward', render: (_, r) => r.rewardName[lang] },
          { title: t('q.rd.price'), dataIndex: 'price', width: 70 },
          { title: t('q.rd.requestedBy'), key: 'by', width: 200, render: (_, r) => <Space direction="vertical" size={0}><span>{r.requestedBy}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.scopePath}</Typography.Text></Space> },
          { title: t('q.rd.requestedAt'), dataIndex: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('q.rd.decision'), key: 'd', width: 230, render: (_, r) => r.status === 'requested'
            ? (
              <Space size={4}>
                <Popconfirm title={t('q.rd.approveConfirm')} onConfirm={() => void decide(r, true)}>
                  <Button size="small" type="primary" data-testid={`approve-${r.id}`}>{t('q.rd.approve')}</Button>
                </Popconfirm>
                <Button size="small" danger onClick={() => { setReason(''); setRefusing(r); }}>{t('q.rd.refuse')}</Button>
              </Space>
            )
            : (
              <Space direction="vertical" size={0}>
                <Tag color={COLORS[r.status]}>{t(`q.rd.${r.status}`)}</Tag>
                {(r.decidedBy || r.reason) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[r.decidedBy, r.reason && refusalText(r.reason, lang)].filter(Boolean).join(' · ')}</Typography.Text>}
              </Space>
            ) },
        ]} />
      <Modal open={!!refusing} title={t('q.rd.refuseTitle')} onCancel={() => setRefusing(null)} okText={t('q.rd.refuse')} okButtonProps={{ danger: true }} confirmLoading={busy} cancelText={t('c.cancel')}
        onOk={() => refusing && void decide(refusing, false, reason.trim() || undefined)}>
        <Input.TextArea aria-label={t('q.rd.reason')} placeholder={t('q.rd.reason')} rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
