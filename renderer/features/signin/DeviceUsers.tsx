// 本机用户: who may sign in on this (shared) device. The owner or a county organiser adds a user with
// a PIN or passphrase of their own, or removes one; each change asks for the manager's own PIN or
// passphrase again (checked and counted by the server), so a session left open cannot add a user.
import { Alert, Button, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { addDeviceUser, authStatus, removeDeviceUser, type DeviceUser } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';

interface AddValues {
  name: string;
  role: DeviceUser['role'];
  secretKind: DeviceUser['secretKind'];
  secret: string;
  confirm: string;
}

export function DeviceUsersModal({ open, me, onClose }: { open: boolean; me: DeviceUser | null; onClose(): void }) {
  const { t, lang } = useT();
  const [form] = Form.useForm<AddValues>();
  const [mine, setMine] = useState('');
  const [users, setUsers] = useState<DeviceUser[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) void authStatus().then((s) => setUsers(s.users), (e: unknown) => setError(errorText(e, lang)));
  }, [open, lang]);
  const run = async (fn: () => Promise<void>) => {
    if (!mine) return setError(t('signin.users.needMine'));
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e, lang));
      setMine('');
    } finally {
      setBusy(false);
    }
  };
  const add = (v: AddValues) =>
    run(async () => {
      const u = await addDeviceUser(mine, { name: v.name, role: v.role, secretKind: v.secretKind, secret: v.secret });
      setUsers((await authStatus()).users);
      form.resetFields();
      void message.success(t('signin.users.added', { name: u.name }));
    });
  const remove = (u: DeviceUser) =>
    run(async () => {
      setUsers(await removeDeviceUser(mine, u.id));
      void message.success(t('signin.users.removed'));
    });
  const kind = Form.useWatch('secretKind', form) ?? 'pin';
  return (
    <Modal open={open} title={t('signin.users.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('signin.users.close')}</Button>} width={720} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('signin.users.hint')}</Typography.Text>
        {error && <Alert type="error" showIcon message={error} data-testid="users-error" />}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={users}
          data-testid="users-table"
          columns={[
            { title: t('signin.users.name'), dataIndex: 'name', render: (n: string) => n || t('signin.users.owner') },
            { title: t('signin.users.role'), dataIndex: 'role', render: (r: DeviceUser['role']) => t(`signin.users.role.${r}`) },
            { title: t('signin.users.kind'), dataIndex: 'secretKind', render: (k: DeviceUser['secretKind']) => (k === 'pin' ? t('signin.pin') : t('signin.passphrase')) },
            {
              title: '',
              key: 'ops',
              render: (_v, u) =>
                u.id === me?.id || u.id === 'owner' ? null : (
                  <Popconfirm title={t('signin.users.removeConfirm', { name: u.name })} onConfirm={() => remove(u)}>
                    <Button size="small" danger data-testid={`users-remove-${u.name}`}>{t('signin.users.remove')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
        <Form form={form} layout="inline" onFinish={add} initialValues={{ role: 'staff', secretKind: 'pin' }} requiredMark={false} style={{ rowGap: 8 }}>
          <Form.Item name="name" label={t('signin.users.name')} rules={[{ required: true, whitespace: true, message: t('signin.users.name') }]}>
            <Input maxLength={40} style={{ width: 140 }} data-testid="users-name" />
          </Form.Item>
          <Form.Item name="role" label={t('signin.users.role')}>
            <Select
              style={{ width: 140 }}
              data-testid="users-role"
              options={(['staff', 'organiser', ...(me?.role === 'owner' ? ['owner' as const] : [])] as DeviceUser['role'][]).map((r) => ({ value: r, label: t(`signin.users.role.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="secretKind">
            <Radio.Group options={[{ value: 'pin', label: t('signin.users.kind.pin') }, { value: 'passphrase', label: t('signin.users.kind.passphrase') }]} />
          </Form.Item>
          <Form.Item name="secret" label={t('signin.users.secret')} rules={[{ required: true, message: t('signin.required') }]}>
            <Input.Password inputMode={kind === 'pin' ? 'numeric' : undefined} autoComplete="new-password" style={{ width: 150 }} data-testid="users-secret" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('signin.users.confirm')}
            dependencies={['secret']}
            rules={[({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('secret') ? Promise.resolve() : Promise.reject(new Error(t('signin.mismatch')))) })]}
          >
            <Input.Password autoComplete="new-password" style={{ width: 150 }} data-testid="users-confirm" />
          </Form.Item>
        </Form>
        <Space wrap>
          <Typography.Text>{t('signin.users.mine')}</Typography.Text>
          <Input.Password value={mine} onChange={(e) => setMine(e.target.value)} autoComplete="current-password" style={{ width: 200 }} data-testid="users-mine" />
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="users-add">{t('signin.users.add')}</Button>
        </Space>
      </Space>
    </Modal>
  );
}
