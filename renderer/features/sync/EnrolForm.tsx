import { Alert, App, Button, Card, Form, Input, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/core/errors.js';
import { ApiCallError, call } from '../../api/client';
import { applyIssues, errorText } from '../../components/formErrors';
import { useT } from '../../i18n';
import { syncText } from './messages';
import { readQrText } from './readQr';
import { parseEnrolQr } from '../../../shared/sync/enrolQr.js';
import { EnrolReview } from './EnrolReview';
import type { EnrolReview as Review } from '../../../shared/sync/enrolKeep.js';

interface EnrolValues {
  hqUrl: string;
  code: string;
  deviceName?: string;
}

const FIELDS = new Set(['hqUrl', 'code']);

export function EnrolForm({ onDone }: { onDone: () => void }) {
  const { lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const [busy, setBusy] = useState(false);
  // Kept as HQ's answer in both languages, so switching language redraws the reason and the marks.
  const [failure, setFailure] = useState<ApiErrorBody | null>(null);
  const s = (k: Parameters<typeof syncText>[1]) => syncText(lang, k);
  // HQ's answer held because work typed before enrolment would be refused: reviewed before it completes.
  const [review, setReview] = useState<Review | null>(null);
  useEffect(() => {
    call('sync.enrolReview', {}).then((r) => r.pending && setReview(r), () => undefined);
  }, []);
  useEffect(() => {
    if (!failure) return;
    // Only marks still showing: a field edited since has been validated afresh and shows its own.
    const showing = failure.issues.filter((i) => [i.message, i.messageEn].includes(form.getFieldError(i.path as keyof EnrolValues)[0] ?? ''));
    applyIssues(form, { ...failure, issues: showing }, lang, FIELDS);
  }, [lang]); // on a language switch only: a new failure marks its fields itself

  const submit = async (v: EnrolValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await call('sync.enrol', { hqUrl: v.hqUrl, code: v.code, deviceName: v.deviceName || undefined, review: true });
      const held = await call('sync.enrolReview', {});
      if (held.pending) return setReview(held);
      message.success(s('enrolled'));
      onDone();
      // Who this device acts for (user, role, scope) changed: let every screen start afresh.
      setTimeout(() => location.reload(), 600);
    } catch (e) {
      // The whole reason goes above the button; the field it is about (address or code) is marked too,
      // so an unreachable HQ and a wrong code never look alike.
      const body: ApiErrorBody = e instanceof ApiCallError ? e.body : { code: 'internal', message: errorText(e, 'zh'), messageEn: errorText(e, 'en'), issues: [] };
      applyIssues(form, body, lang, FIELDS);
      setFailure(body);
    } finally {
      setBusy(false);
    }
  };
  const fromPicture = async (file: File) => {
    const text = await readQrText(file).catch(() => null);
    const found = text ? parseEnrolQr(text) : null;
    if (!found) return void message.error(s('qrNone'));
    form.setFieldsValue(found.hqUrl ? { code: found.code, hqUrl: found.hqUrl } : { code: found.code });
    message.success(s(found.hqUrl ? 'qrFoundWithUrl' : 'qrFound'));
  };
  const finished = () => {
    onDone();
    setTimeout(() => location.reload(), 600);
  };
  if (review) return <EnrolReview review={review} onFinished={finished} />;
  return (
    <Card size="small" title={s('enrolTitle')} style={{ maxWidth: 620 }}>
      <Typography.Paragraph type="secondary">{s('enrolHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="hqUrl" label={s('hqUrl')} rules={[{ required: true, message: s('hqUrl') }]} extra={s('hqUrlHint')}>
          <Input placeholder="https://" autoComplete="off" />
        </Form.Item>
        <Form.Item label={s('code')} htmlFor="code" required extra={s('codeHint')}>
          <Space wrap>
            <Form.Item name="code" noStyle rules={[{ required: true, message: s('code') }]}>
              <Input autoComplete="off" style={{ textTransform: 'uppercase', width: 260 }} />
            </Form.Item>
            <Upload accept="image/*" showUploadList={false} beforeUpload={(f) => { void fromPicture(f); return false; }}>
              <Button data-testid="enrol-qr">{s('qrRead')}</Button>
            </Upload>
          </Space>
        </Form.Item>
        <Form.Item name="deviceName" label={s('deviceName')}>
          <Input maxLength={100} style={{ maxWidth: 260 }} />
        </Form.Item>
        {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={lang === 'en' ? failure.messageEn : failure.message} data-testid="enrol-error" />}
        <Button type="primary" htmlType="submit" loading={busy}>{s('enrol')}</Button>
      </Form>
    </Card>
  );
}
