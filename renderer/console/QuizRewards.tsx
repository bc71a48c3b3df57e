// 奖品: the rewards catalogue HQ sends down (points price, stock, on offer or withdrawn), with the
// requests each one has waiting. HQ checks every field with the shared schema and says which is wrong.
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RewardRow } from '../../shared/console/quiz.js';
import type { ConsoleSession } from '../../shared/console/types.js';
import { get, post } from './api';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

type Values = { name: string; nameEn: string; description: string; price: number; stock: number; active: boolean };

export function QuizRewards({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const admin = me.role === 'hq_admin';
  const list = useLoad(() => get<RewardRow[]>('v1/quiz/rewards'), []);
  const [editing, setEditing] = useState<RewardRow | 'new' | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const open = (r: RewardRow | 'new') => {
    setErr(null);
    form.setFieldsValue(r === 'new' ? { name: '', nameEn: '', description: '', price: 10, stock: 10, active: true } : r);
    setEditing(r);
  };
  const save = async (v: Values) => {
    try {
      await post('v1/quiz/rewards', { ...(editing && editing !== 'new' ? { id: editing.id } : {}), ...v });
      setEditing(null);
      void message.success(t('q.rw.saved'));
      list.reload();
    } catch (e) {
      setErr(errorText(e, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {admin && <Button type="primary" onClick={() => open('new')}>{t('q.rw.new')}</Button>}
        <Button onClick={list.reload}>{t('c.reload')}</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, lang)} />}
      <Table<RewardRow> size="small" rowKey="id" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 12, showSizeChanger: false }} data-testid="quiz-rewards"
        locale={{ emptyText: t('q.rw.empty') }}
        columns={[
          { title: t('q.rw.name'), key: 'name', render: (_, r) => (
            <Space direction="vertical" size={0}>
              <span>{lang === 'en' && r.nameEn ? r.nameEn : r.name}</span>
              {r.description && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.description}</Typography.Text>}
            </Space>
          ) },
          { title: t('q.rw.price'), dataIndex: 'price', width: 120 },
          { title: t('q.rw.stock'), dataIndex: 'stock', width: 90, render: (n: number) => (n > 0 ? n : <Tag color="red">0</Tag>) },
          { title: t('q.rw.pending'), dataIndex: 'pending', width: 90, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '—') },
          { title: t('q.status'), key: 'active', width: 100, render: (_, r) => (r.active ? <Tag color="green">{t('q.rw.active')}</Tag> : <Tag>{t('q.rw.inactive')}</Tag>) },
          ...(admin ? [{ title: '', key: 'a', width: 90, render: (_: unknown, r: RewardRow) => <Button size="small" onClick={() => open(r)} data-testid={`reward-edit-${r.name}`}>{t('c.ref.edit')}</Button> }] : []),
        ]} />
      <Modal open={!!editing} title={editing === 'new' ? t('q.rw.new') : t('q.rw.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('c.save')} cancelText={t('c.cancel')}>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={t('q.rw.name')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="nameEn" label={t('q.rw.nameEn')}><Input maxLength={80} /></Form.Item>
          <Form.Item name="description" label={t('q.rw.description')}><Input.TextArea rows={2} maxLength={240} /></Form.Item>
          <Space size="large">
            <Form.Item name="price" label={t('q.rw.price')}><InputNumber /></Form.Item>
            <Form.Item name="stock" label={t('q.rw.stock')}><InputNumber /></Form.Item>
            <Form.Item name="active" label={t('q.rw.active')} valuePropName="checked"><Switch /></Form.Item>
          </Space>
        </Form>
        {err && <Alert type="error" showIcon title={err} data-testid="reward-error" />}
      </Modal>
    </Space>
  );
}
