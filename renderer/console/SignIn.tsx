// Sign-in to the console: user name and password; HQ's refusal (wrong password, locked) shown as worded.
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ConsoleSession } from '../../shared/console/types.js';
import { useLang } from '../i18n';
import { signIn } from './api';
import { useCT } from './i18n';
import { errorText } from './useLoad';

export function SignIn({ onSignedIn }: { onSignedIn(s: ConsoleSession): void }) {
  const { t, lang } = useCT();
  const setLang = useLang((s) => s.setLang);
  const [form] = Form.useForm<{ userName: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { userName: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(v.userName, v.password));
    } catch (e) {
      setError(errorText(e, lang));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }} title={<Space direction="vertical" size={0}><Typography.Text strong style={{ color: '#c41d1d', fontSize: 18 }}>{t('c.title')}</Typography.Text><span>{t('c.signin.title')}</span></Space>}
        extra={<Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('c.lang')}</Button>}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="userName" label={t('c.signin.user')} rules={[{ required: true, message: t('c.signin.required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('c.signin.password')} rules={[{ required: true, message: t('c.signin.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
          <Button type="primary" htmlType="submit" block loading={busy}>{t('c.signin.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
