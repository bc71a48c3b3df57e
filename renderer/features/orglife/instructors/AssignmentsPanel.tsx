// Which outlets each instructor looks after, and which are contact points, over time.
import { App, Button, Card, Checkbox, DatePicker, Form, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useState } from 'react';
import type { InstructorAssignment } from '../../../../shared/orglife/contract.js';
import { ApiCallError, call } from '../../../api/client';
import { OutletSelect } from '../../../components/OutletSelect';
import { applyIssues, errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';

function AssignmentForm(props: { open: boolean; onClose(saved: boolean): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const instructors = useApi('instructors.list', props.open ? {} : null);
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      await call('instructorAssignments.save', { instructorId: v.instructorId ?? '', outletId: v.outletId ?? '', validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : todayInBeijing(), isContactPoint: v.isContactPoint !== false });
      message.success(t('common.saved'));
      props.onClose(true);
    } catch (e) {
      if (e instanceof ApiCallError) applyIssues(form, e.body, lang, new Set(['instructorId', 'outletId', 'validFrom']));
      message.error(errorText(e, lang));
    }
  };
  return (
    <Modal open={props.open} title={t('ins.assign')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={submit} onCancel={() => props.onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ validFrom: dayjs(todayInBeijing()), isContactPoint: true }}>
        <Form.Item name="instructorId" label={t('ins.name')} required>
          <Select showSearch optionFilterProp="label" options={(instructors.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unitName}）` }))} />
        </Form.Item>
        <Form.Item name="outletId" label={t('ins.outlet')} required><OutletSelect /></Form.Item>
        <Form.Item name="validFrom" label={t('ins.from')} required><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="isContactPoint" valuePropName="checked"><Checkbox>{t('ins.isContactPoint')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

export function AssignmentsPanel() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [current, setCurrent] = useState(true);
  const [adding, setAdding] = useState(false);
  const list = useApi('instructorAssignments.list', { current });
  const end = async (a: InstructorAssignment) => {
    try {
      await call('instructorAssignments.end', { id: a.id, validTo: todayInBeijing() });
      void list.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Card size="small" title={<Space><Switch checked={current} onChange={setCurrent} />{t('ins.currentOnly')}</Space>}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('ins.assign')}</Button>}>
      <Table<InstructorAssignment>
        size="small" rowKey="id" loading={list.loading} dataSource={list.data ?? []} locale={{ emptyText: t('ins.noAssignments') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('ins.name'), dataIndex: 'instructorName', width: 120 },
          { title: t('ins.outlet'), render: (_: unknown, a) => <>{a.outletName}（{a.outletCode}）{a.isContactPoint && <Tag color="gold" style={{ marginLeft: 4 }}>{t('ins.contactPoint')}</Tag>}</> },
          { title: t('ins.from'), dataIndex: 'validFrom', width: 110 },
          { title: t('ins.to'), dataIndex: 'validTo', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '', width: 80, render: (_: unknown, a) => !a.validTo && <Popconfirm title={t('ins.endConfirm')} onConfirm={() => end(a)}><Button size="small" type="link">{t('ins.end')}</Button></Popconfirm> },
        ]}
      />
      <AssignmentForm open={adding} onClose={(saved) => (setAdding(false), saved && void list.reload())} />
    </Card>
  );
}
