// A yearly goal of an organisation (optionally a team's), broken into quarterly or monthly nodes,
// each with owner, completion standard and due date (the period's last day unless changed).
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { periodEnd } from '../../../shared/milestones/rules.js';
import { ApiCallError, call } from '../../api/client';
import { reportOnForm } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { PersonPick } from './PersonPick';

interface NodeValues { periodKey: string; title: string; ownerPersonId: string; standard: string; dueOn: dayjs.Dayjs }
interface Values { orgId: string; year: number; title: string; teamId?: string | null; nodes: NodeValues[] }
const FIELDS = new Set(['orgId', 'year', 'title', 'teamId', 'nodes']);

function periodOptions(year: number, lang: 'zh' | 'en') {
  const q = [1, 2, 3, 4].map((n) => ({ value: `${year}-Q${n}`, label: lang === 'zh' ? `${year}年第${n}季度` : `${year} Q${n}` }));
  const m = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((k) => ({ value: k, label: lang === 'zh' ? `${k.slice(0, 4)}年${+k.slice(5)}月` : k }));
  return [...q, ...m];
}

export function GoalForm(props: { open: boolean; year: number; onClose(saved: boolean): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const orgs = useApi('partyOrgs.list', props.open ? {} : null);
  const orgId = Form.useWatch('orgId', form);
  const year = Form.useWatch('year', form) ?? props.year;
  const teams = useApi('teams.list', props.open ? { limit: 1000, offset: 0 } : null);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await call('milestones.saveGoal', {
        orgId: v.orgId, year: v.year, title: v.title, teamId: v.teamId ?? null,
        nodes: (v.nodes ?? []).map((n) => ({ periodKey: n.periodKey, title: n.title, ownerPersonId: n.ownerPersonId, standard: n.standard, dueOn: n.dueOn.format('YYYY-MM-DD') })),
      });
      message.success(t('w3.saved'));
      props.onClose(true);
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(form, FIELDS, lang, message)(e.body);
      else message.error(String(e));
    } finally {
      setBusy(false);
    }
  };
  // The due date follows the chosen period's last day.
  const onValues = (changed: Partial<Values>, all: Values) => {
    const i = changed.nodes?.findIndex((n) => n && 'periodKey' in n);
    if (i === undefined || i < 0) return;
    const end = periodEnd(all.nodes[i]!.periodKey);
    if (end) form.setFieldValue(['nodes', i, 'dueOn'], dayjs(end));
  };
  return (
    <Modal open={props.open} title={t('w3.newGoal')} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden onCancel={() => props.onClose(false)}
      data-testid="w3-goal-form" width={900}>
      {props.open && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} onValuesChange={onValues}
          initialValues={{ year: props.year, nodes: [{}] }}>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="orgId" label={t('w3.org')} rules={[{ required: true }]} style={{ flex: 2 }}>
              <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
            <Form.Item name="year" label={t('w3.year')} rules={[{ required: true }]} style={{ width: 110 }}><InputNumber min={2000} max={2100} /></Form.Item>
            <Form.Item name="teamId" label={t('w3.team')} style={{ flex: 2 }}>
              <Select allowClear options={(teams.data?.rows ?? []).filter((x) => x.orgId === orgId).map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
          </div>
          <Form.Item name="title" label={t('w3.goalTitle')} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
          <Form.List name="nodes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }} data-testid="w3-node-row">
                    <Form.Item name={[f.name, 'periodKey']} label={t('w3.nodePeriod')} rules={[{ required: true }]} style={{ width: 140 }}>
                      <Select showSearch optionFilterProp="label" options={periodOptions(year, lang)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} label={t('w3.node')} rules={[{ required: true, whitespace: true }]} style={{ flex: 2 }}><Input maxLength={200} /></Form.Item>
                    <Form.Item name={[f.name, 'ownerPersonId']} label={t('w3.owner')} rules={[{ required: true }]} style={{ width: 130 }}><PersonPick orgId={orgId} /></Form.Item>
                    <Form.Item name={[f.name, 'standard']} label={t('w3.standard')} rules={[{ required: true, whitespace: true }]} style={{ flex: 2 }}><Input maxLength={1000} /></Form.Item>
                    <Form.Item name={[f.name, 'dueOn']} label={t('w3.dueOn')} rules={[{ required: true }]} style={{ width: 140 }}><DatePicker /></Form.Item>
                    <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => fields.length > 1 && remove(f.name)} aria-label="remove" />
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('w3.addNode')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
