// The sign-in screen of browser mode: on a new profile it sets the passphrase (typed twice), later it
// unlocks the encrypted store. Errors (wrong passphrase, waits, a wipe) come from the server in both languages.
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { signIn, type DeviceUser } from '../../api/client';
import { useLang, useT } from '../../i18n';
import { usePassphraseSubmit } from './usePassphraseSubmit';

interface Values {
  passphrase: string;
  confirm?: string;
  userId?: string;
  ownerName?: string;
}

/** Why the screen shows again after the app was in use. */
export type SignInReason = 'locked' | 'signedOut' | 'removed';

interface Props {
  firstRun: boolean;
  reason?: SignInReason | null;
  /** Who may sign in here; a picker shows once there is more than one. */
  users?: DeviceUser[];
  onSignedIn(): void;
}

export function SignInScreen({ firstRun, reason = null, users = [], onSignedIn }: Props) {
  const { t, lang } = useT();
  const setLang = useLang((s) => s.setLang);
  const [form] = Form.useForm<Values>();
  const send = (v: Values) => signIn(v.passphrase, { ...(v.userId ? { userId: v.userId } : {}), ...(v.ownerName?.trim() ? { ownerName: v.ownerName.trim() } : {}) });
  const { busy, error, submit } = usePassphraseSubmit(send, onSignedIn, () => form.setFieldValue('passphrase', ''));
  const picked = Form.useWatch('userId', form) ?? users[0]?.id;
  const pin = users.find((u) => u.id === picked)?.secretKind === 'pin';
  const secretLabel = firstRun ? t('signin.passphrase') : users.length > 1 ? (pin ? t('signin.pin') : t('signin.secret')) : t('signin.passphrase');

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 420 }} data-testid="signin">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>{t('appName')}</Typography.Title>
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('lang.switch')}</Button>
          </div>
          {reason === 'locked' && !firstRun ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="signin-locked">
                <LockOutlined /> {t('signin.lockedTitle')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('signin.lockedHint')}</Typography.Text>
            </>
          ) : (
            <>
              {reason === 'removed' && <Alert type="success" showIcon message={t('signin.remove.done')} data-testid="signin-removed" />}
              {reason === 'signedOut' && !firstRun && <Alert type="info" showIcon message={t('signin.signedOutHint')} data-testid="signin-signed-out" />}
              <Typography.Title level={5} style={{ margin: 0 }}>{t(firstRun ? 'signin.firstTitle' : 'signin.title')}</Typography.Title>
              <Typography.Text type="secondary">{t(firstRun ? 'signin.firstHint' : users.length > 1 ? 'signin.unlockHintUsers' : 'signin.unlockHint')}</Typography.Text>
            </>
          )}
          {error && <Alert type="error" showIcon message={error} data-testid="signin-error" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ userId: users[0]?.id }}>
            {!firstRun && users.length > 1 && (
              <Form.Item name="userId" label={t('signin.user')}>
                <Select
                  data-testid="signin-user"
                  suffixIcon={<UserOutlined />}
                  options={users.map((u) => ({ value: u.id, label: u.name || t('signin.users.owner') }))}
                  onChange={() => form.setFieldValue('passphrase', '')}
                />
              </Form.Item>
            )}
            {firstRun && (
              <Form.Item name="ownerName" label={t('signin.ownerName')}>
                <Input prefix={<UserOutlined />} maxLength={40} autoComplete="name" data-testid="signin-owner-name" />
              </Form.Item>
            )}
            <Form.Item name="passphrase" label={secretLabel} rules={[{ required: true, message: t('signin.required') }]}>
              <Input.Password
                prefix={<LockOutlined />}
                autoFocus
                inputMode={pin ? 'numeric' : undefined}
                autoComplete={firstRun ? 'new-password' : 'current-password'}
                data-testid="signin-passphrase"
              />
            </Form.Item>
            {firstRun && (
              <Form.Item
                name="confirm"
                label={t('signin.confirm')}
                dependencies={['passphrase']}
                rules={[
                  { required: true, message: t('signin.required') },
                  ({ getFieldValue }) => ({
                    validator: (_r, value) => (!value || value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('signin.mismatch')))),
                  }),
                ]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="signin-confirm" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
              {t(firstRun ? 'signin.submitFirst' : 'signin.submit')}
            </Button>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('signin.shared')}</Typography.Text>
        </Space>
      </Card>
    </div>
  );
}
