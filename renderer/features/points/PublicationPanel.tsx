// A published quarter: objections recorded in the window and answered, approval (which locks the
// quarter) once the window is over and every objection answered, and the approver's logged reopen.
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Objection, QuarterTable } from '../../../shared/points/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { formatDateTime } from '../../components/formatDate';
import { useT } from '../../i18n';


function AnswerBox({ objection, onDone }: { objection: Objection; onDone: () => Promise<void> }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await call('points.answer', { objectionId: objection.id, answer: text });
      message.success(t('points.objection.answered'));
      await onDone();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%', marginTop: 4 }}>
      <Input aria-label={t('points.objection.answerText')} placeholder={t('points.objection.answerText')} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="primary" loading={busy} onClick={save}>{t('points.objection.answer')}</Button>
    </Space.Compact>
  );
}

export function PublicationPanel({ table, onChanged }: { table: QuarterTable; onChanged: () => Promise<void> }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ personId: string; text: string }>();
  const [busy, setBusy] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const pub = table.publication!;
  const act = async (what: string, fn: () => Promise<string>) => {
    setBusy(what);
    try {
      message.success(await fn());
      await onChanged();
      return true;
    } catch (e) {
      message.error(errorText(e, lang));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const raise = async () => {
    const v = await form.validateFields();
    if (await act('object', async () => (await call('points.object', { publicationId: pub.id, personId: v.personId, text: v.text ?? '' }), t('points.objection.raised')))) form.resetFields();
  };
  const approve = () => act('approve', async () => (await call('points.approve', { publicationId: pub.id }), t('points.approved')));
  const reopen = async () => {
    if (await act('reopen', async () => (await call('points.reopen', { publicationId: pub.id, reason }), t('points.reopened')))) {
      setReopening(false);
      setReason('');
    }
  };

  return (
    <Card size="small" title={t('points.objections', { n: table.objections.length })}
      extra={
        <Space>
          {table.may.approve && table.status === 'published' && (
            <>
              {!table.canApprove.ok && <Typography.Text type="secondary">{lang === 'en' ? table.canApprove.en : table.canApprove.zh}</Typography.Text>}
              <Button type="primary" disabled={!table.canApprove.ok} loading={busy === 'approve'} onClick={approve}>{t('points.approve')}</Button>
            </>
          )}
          {table.may.reopen && table.status === 'approved' && <Button danger onClick={() => setReopening(true)}>{t('points.reopen')}</Button>}
        </Space>
      }
    >
      <List
        size="small" dataSource={table.objections} locale={{ emptyText: t('points.objection.none') }}
        renderItem={(o) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space><Typography.Text strong>{o.personName}</Typography.Text><Typography.Text>{o.text}</Typography.Text></Space>
              <div><Typography.Text type="secondary">{t('points.objection.by', { who: o.raisedBy, at: formatDateTime(o.raisedAt) })}</Typography.Text></div>
              {o.answer ? (
                <div><Tag color="green">{t('points.objection.answered')}</Tag>{o.answer}<Typography.Text type="secondary">（{t('points.objection.answeredBy', { who: o.answeredBy ?? '' })}）</Typography.Text></div>
              ) : table.may.answer && table.status === 'published' ? (
                <AnswerBox objection={o} onDone={onChanged} />
              ) : null}
            </div>
          </List.Item>
        )}
      />
      {table.may.object && table.objectionOpen && (
        <Form form={form} name="pointsObjection" layout="inline" style={{ marginTop: 12 }}>
          <Form.Item name="personId" rules={[{ required: true, message: t('points.objection.person') }]}>
            <Select aria-label={t('points.objection.person')} placeholder={t('points.objection.person')} style={{ width: 160 }} options={table.rows.map((r) => ({ value: r.personId, label: r.name }))} />
          </Form.Item>
          <Form.Item name="text" style={{ flex: 1 }}>
            <Input aria-label={t('points.objection.text')} placeholder={t('points.objection.text')} />
          </Form.Item>
          <Button loading={busy === 'object'} onClick={raise}>{t('points.objection.raise')}</Button>
        </Form>
      )}
      {pub.reopened.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('points.reopenLog')}</Typography.Text>
          {pub.reopened.map((r) => <div key={r.at}>{t('points.reopenLogLine', { at: formatDateTime(r.at), who: r.by, reason: r.reason })}</div>)}
        </div>
      )}
      <Modal open={reopening} title={t('points.reopen')} onCancel={() => setReopening(false)} onOk={reopen} confirmLoading={busy === 'reopen'}>
        <Input.TextArea aria-label={t('points.reopenReason')} placeholder={t('points.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </Modal>
    </Card>
  );
}
