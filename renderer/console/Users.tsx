// 控制台账号: the console's accounts in the user's scope; an HQ administrator adds county organisers
// (limited to their county) and further administrators. Passwords are checked and hashed by HQ.
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ConsoleSession } from '../../shared/console/types.js';
import { get, post } from './api';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

interface UserRow { userName: string; displayName: string; role: 'hq_admin' | 'county_organiser'; scopePath: string; createdAt: string; disabled: boolean; locked: boolean }
interface NewUser { userName: string; displayName: string; role: 'hq_admin' | 'county_organiser'; scopePath: string; password: string }

export function Users({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const { message } = App.useApp();
  const users = useLoad(() => get<UserRow[]>('users'), []);
  const units = useLoad(() => get<{ name: string; path: string; level: string }[]>('units'), []);
  const [open, setOpen] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const save = async (v: NewUser) => {
    try {
      await post('users', { ...v, scopePath: v.role === 'hq_admin' ? '/' : v.scopePath });
      setOpen(false);
      form.resetFields();
      void message.success(t('c.u.created'));
      users.reload();
    } catch (e) {
      setErr(errorText(e, lang));
    }
  };
  const unlock = async (u: UserRow) => {
    try {
      await post('users/unlock', { userName: u.userName });
      void message.success(t('c.u.unlocked'));
      users.reload();
    } catch (e) {
      void message.error(errorText(e, lang));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {me.role === 'hq_admin' && <Button type="primary" onClick={() => { setErr(null); setOpen(true); }}>{t('c.u.new')}</Button>}
      {users.error && <Alert type="error" showIcon title={errorText(users.error, lang)} />}
      <Table<UserRow> size="small" rowKey="userName" loading={users.loading} dataSource={users.data ?? []} pagination={false}
        columns={[
          { title: t('c.signin.user'), dataIndex: 'userName', width: 140 },
          { title: t('c.u.display'), dataIndex: 'displayName', width: 160 },
          { title: t('c.dev.role'), dataIndex: 'role', width: 140, render: (r: UserRow['role']) => t(`c.role.${r}`) },
          { title: t('c.dev.scope'), dataIndex: 'scopePath' },
          { title: t('c.dev.status'), key: 's', width: 120, render: (_, u) => u.disabled ? <Tag>{t('c.u.disabled')}</Tag> : u.locked ? <Tag color="red">{t('c.u.locked')}</Tag> : <Tag color="green">{t('c.dev.active')}</Tag> },
          ...(me.role === 'hq_admin' ? [{ title: t('c.dev.actions'), key: 'a', width: 120, render: (_: unknown, u: UserRow) => u.locked && !u.disabled ? (
            <Popconfirm title={t('c.u.unlockConfirm', { name: u.userName })} onConfirm={() => void unlock(u)}>
              <Button size="small" data-testid={`unlock-${u.userName}`}>{t('c.u.unlock')}</Button>
            </Popconfirm>
          ) : null }] : []),
        ]} />
      <Modal open={open} title={t('c.u.new')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('c.save')} cancelText={t('c.cancel')}>
        <Form form={form} layout="vertical" initialValues={{ role: 'county_organiser' }} onFinish={(v) => void save(v)}>
          <Form.Item name="userName" label={t('c.signin.user')} rules={[{ required: true, message: t('c.signin.user') }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="displayName" label={t('c.u.display')} rules={[{ required: true, message: t('c.u.display') }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('c.dev.role')}>
            <Select options={(['county_organiser', 'hq_admin'] as const).map((r) => ({ value: r, label: t(`c.role.${r}`) }))} />
          </Form.Item>
          {role !== 'hq_admin' && (
            <Form.Item name="scopePath" label={t('c.u.county')} rules={[{ required: true, message: t('c.u.county') }]}>
              <Select options={(units.data ?? []).filter((u) => u.level === 'county').map((u) => ({ value: u.path, label: `${u.name} (${u.path})` }))} />
            </Form.Item>
          )}
          <Form.Item name="password" label={t('c.u.password')} extra={t('c.u.passwordHint')} rules={[{ required: true, min: 12, message: t('c.u.passwordHint') }]}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
        {err && <Alert type="error" showIcon title={err} />}
      </Modal>
    </Space>
  );
}
