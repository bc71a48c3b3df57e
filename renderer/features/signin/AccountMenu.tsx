// The header's sign-out and "remove this device's data". Removal is irreversible, so it asks for the
// passphrase (checked by the server, wrong tries counted like a sign-in) and a typed word.
import { Alert, Button, Dropdown, Form, Input, Modal, Typography } from 'antd';
import { DeleteOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { removeDeviceData } from '../../api/client';
import { useT } from '../../i18n';
import { usePassphraseSubmit } from './usePassphraseSubmit';
import { useSignInControl } from './control';
import { DeviceUsersModal } from './DeviceUsers';

interface RemoveValues {
  passphrase: string;
  word: string;
}

function RemoveDataModal({ open, onClose, onRemoved }: { open: boolean; onClose(): void; onRemoved(): void }) {
  const { t } = useT();
  const [form] = Form.useForm<RemoveValues>();
  const word = t('signin.remove.word');
  const { busy, error, submit } = usePassphraseSubmit((v: RemoveValues) => removeDeviceData(v.passphrase), onRemoved, () => form.setFieldValue('passphrase', ''));
  return (
    <Modal
      open={open}
      title={t('signin.remove.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('signin.remove.confirm')}
      cancelText={t('signin.remove.cancel')}
      okButtonProps={{ danger: true, loading: busy, id: 'remove-confirm' }}
      onOk={() => form.submit()}
    >
      <Alert type="warning" showIcon message={t('signin.remove.warning')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="remove-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} preserve={false}>
        <Form.Item name="passphrase" label={t('signin.remove.passphrase')} rules={[{ required: true, message: t('signin.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="remove-passphrase" />
        </Form.Item>
        <Form.Item
          name="word"
          label={<Typography.Text>{t('signin.remove.typeLabel', { word })}</Typography.Text>}
          rules={[{ validator: (_r, value) => (value === word ? Promise.resolve() : Promise.reject(new Error(t('signin.remove.typeMismatch', { word })))) }]}
        >
          <Input autoComplete="off" data-testid="remove-word" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Nothing where no sign-in is required (Electron with the OS keychain). */
export function AccountMenu() {
  const { t } = useT();
  const control = useSignInControl();
  const [removing, setRemoving] = useState(false);
  const [managing, setManaging] = useState(false);
  if (!control) return null;
  const me = control.user;
  const mayManage = !me || me.role === 'owner' || me.role === 'organiser';
  const label = me ? me.name || t('signin.users.owner') : t('signin.account.menu');
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(mayManage ? [{ key: 'users', icon: <TeamOutlined />, label: <span data-testid="account-users">{t('signin.users.menu')}</span> }] : []),
            { key: 'signOut', icon: <LogoutOutlined />, label: <span data-testid="account-signout">{t('signin.account.signOut')}</span> },
            { type: 'divider' },
            { key: 'remove', icon: <DeleteOutlined />, danger: true, label: <span data-testid="account-remove">{t('signin.account.remove')}</span> },
          ],
          onClick: ({ key }) => (key === 'signOut' ? void control.signOut() : key === 'users' ? setManaging(true) : setRemoving(true)),
        }}
      >
        <Button size="small" icon={<UserOutlined />} data-testid="account-menu" title={t('signin.signedInAs', { name: label })}>{label}</Button>
      </Dropdown>
      <DeviceUsersModal open={managing} me={me} onClose={() => { setManaging(false); void control.refresh(); }} />
      <RemoveDataModal open={removing} onClose={() => setRemoving(false)} onRemoved={() => { setRemoving(false); control.removed(); }} />
    </>
  );
}
