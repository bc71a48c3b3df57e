// 设备管理: every device in the user's scope with what it reported and what HQ saw; codes, revocation, re-scoping.
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ConsoleSession, DeviceRow, DevicesView, EnrolCodeAnswer } from '../../shared/console/types.js';
import { ROLES as ROLE_LABELS, type Labelled } from '../../shared/domain/enums.js';

const ROLES: Labelled = ROLE_LABELS;
import { get, post } from './api';
import { CodeModal } from './CodeModal';
import { deviceColumns } from './deviceColumns';
import { useScopeNames } from './scopeLabel';
import { useCT } from './i18n';
import { errorText, useLoad } from './useLoad';

export function Devices({ me }: { me: ConsoleSession }) {
  const { t, lang } = useCT();
  const scopeName = useScopeNames();
  const { message } = App.useApp();
  const list = useLoad(() => get<DevicesView>('devices'), []);
  const [code, setCode] = useState<EnrolCodeAnswer | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [moving, setMoving] = useState<DeviceRow | null>(null);
  const [form] = Form.useForm<{ userName: string; role: string; scopePath: string; days: number }>();
  const [moveForm] = Form.useForm<{ scopePath: string; days: number }>();
  const roles = (me.role === 'hq_admin' ? ['instructor', 'county_organiser', 'auditor', 'hq_admin'] : ['instructor', 'county_organiser', 'auditor'])
    .map((r) => ({ value: r, label: ROLES[r]?.[lang] ?? r }));
  const fail = (e: unknown) => void message.error(errorText(e, lang));

  const issue = async (v: { userName: string; role: string; scopePath: string; days: number }) => {
    try {
      setCode(await post<EnrolCodeAnswer>('devices/code', v));
      setIssuing(false);
      form.resetFields();
    } catch (e) {
      fail(e);
    }
  };
  const revoke = async (d: DeviceRow) => {
    try {
      await post('devices/revoke', { deviceId: d.deviceId });
      void message.success(t('c.dev.revokedDone'));
      list.reload();
    } catch (e) {
      fail(e);
    }
  };
  const move = async (v: { scopePath: string; days: number }) => {
    if (!moving) return;
    try {
      setCode(await post<EnrolCodeAnswer>('devices/rescope', { deviceId: moving.deviceId, ...v }));
      setMoving(null);
      list.reload();
    } catch (e) {
      fail(e);
    }
  };
  const silentDays = list.data?.silentDays ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => setIssuing(true)}>{t('c.code.new')}</Button>
        <Button onClick={list.reload}>{t('c.reload')}</Button>
        {list.data && <Typography.Text type="secondary">{t('c.dev.count', { n: list.data.devices.length })}</Typography.Text>}
      </Space>
      {list.error && <Alert type="error" showIcon title={errorText(list.error, lang)} />}
      <Table<DeviceRow> size="small" rowKey="deviceId" loading={list.loading} dataSource={list.data?.devices ?? []} pagination={{ pageSize: 12 }} scroll={{ x: 1110 }}
        data-testid="devices-table"
        columns={deviceColumns({ t, lang, roles: ROLES, silentDays, scopeName, actions: (d) => d.revokedAt ? null : (
            <Space size={4} wrap>
              <Popconfirm title={t('c.dev.revokeConfirm', { name: `${d.userName} ${d.name ?? ''}` })} onConfirm={() => void revoke(d)} okButtonProps={{ danger: true }}>
                <Button size="small" danger>{t('c.dev.revoke')}</Button>
              </Popconfirm>
              <Button size="small" onClick={() => { moveForm.setFieldsValue({ scopePath: d.scopePath, days: 7 }); setMoving(d); }}>{t('c.dev.rescope')}</Button>
            </Space>
          ) })} />
      <Typography.Text type="secondary">{t('c.dev.notReportedHint')}</Typography.Text>
      <Modal open={issuing} title={t('c.code.new')} onCancel={() => setIssuing(false)} onOk={() => form.submit()} okText={t('c.code.issue')} cancelText={t('c.cancel')}>
        <Form form={form} layout="vertical" initialValues={{ role: 'instructor', scopePath: me.scopePath, days: 7 }} onFinish={(v) => void issue(v)}>
          <Form.Item name="userName" label={t('c.code.user')} rules={[{ required: true, message: t('c.code.user') }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('c.code.role')}><Select options={roles} /></Form.Item>
          <Form.Item name="scopePath" label={t('c.code.scope')} rules={[{ required: true, pattern: /^\/([a-z0-9][a-z0-9-]{0,39}\/){0,8}$/, message: t('c.code.scope') }]}><Input /></Form.Item>
          <Form.Item name="days" label={t('c.code.days')}><InputNumber min={1} max={30} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!moving} title={t('c.dev.rescope')} onCancel={() => setMoving(null)} onOk={() => moveForm.submit()} okText={t('c.dev.rescope')} okButtonProps={{ danger: true }} cancelText={t('c.cancel')}>
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('c.dev.rescopeHint')} />
        <Form form={moveForm} layout="vertical" onFinish={(v) => void move(v)}>
          <Form.Item name="scopePath" label={t('c.dev.newScope')} rules={[{ required: true, pattern: /^\/([a-z0-9][a-z0-9-]{0,39}\/){0,8}$/, message: t('c.code.scope') }]}><Input /></Form.Item>
          <Form.Item name="days" label={t('c.code.days')}><InputNumber min={1} max={30} /></Form.Item>
        </Form>
      </Modal>
      <CodeModal code={code} onClose={() => setCode(null)} />
    </Space>
  );
}
