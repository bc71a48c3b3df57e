import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';
import { syncText } from './messages';

export function EnrolForm({ onDone }: { onDone: () => void }) {
  const { lang } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = (k: Parameters<typeof syncText>[1]) => syncText(lang, k);
  const submit = async (v: { hqUrl: string; code: string; deviceName?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call('sync.enrol', { hqUrl: v.hqUrl, code: v.code, deviceName: v.deviceName || undefined });
      message.success(s('enrolled'));
      onDone();
      // Who this device acts for (user, role, scope) changed: let every screen start afresh.
      setTimeout(() => location.reload(), 600);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={s('enrolTitle')} style={{ maxWidth: 620 }}>
      <Typography.Paragraph type="secondary">{s('enrolHelp')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="hqUrl" label={s('hqUrl')} rules={[{ required: true, message: s('hqUrl') }]} extra={s('hqUrlHint')}>
          <Input placeholder="https://" autoComplete="off" />
        </Form.Item>
        <Form.Item name="code" label={s('code')} rules={[{ required: true, message: s('code') }]} extra={s('codeHint')}>
          <Input autoComplete="off" style={{ textTransform: 'uppercase', maxWidth: 260 }} />
        </Form.Item>
        <Form.Item name="deviceName" label={s('deviceName')}>
          <Input maxLength={100} style={{ maxWidth: 260 }} />
        </Form.Item>
        {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
        <Button type="primary" htmlType="submit" loading={busy}>{s('enrol')}</Button>
      </Form>
    </Card>
  );
}
