// Creating a three-lists item: by hand, or from a red light (kind, subject and the light prefilled).
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useState } from 'react';
import { ITEM_KINDS, type ItemKind } from '../../../../shared/assessment/items.js';
import type { Indicator } from '../../../../shared/assessment/thresholds.js';
import { ApiCallError, call } from '../../../api/client';
import { reportOnForm } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ITEM_KINDS_L } from '../labels';

export interface ItemPreset {
  kind?: ItemKind;
  title?: string;
  subjectKind?: 'org' | 'outlet';
  subjectId?: string;
  subjectName?: string;
  fromLight?: { indicator: Indicator; period: string };
}

interface Values { kind: ItemKind; title: string; detail?: string; ownerMode: 'person' | 'user'; ownerPersonId?: string; ownerUser?: string; dueOn?: dayjs.Dayjs; orgId?: string }

const FIELDS = new Set(['kind', 'title', 'detail', 'ownerPersonId', 'ownerUser', 'dueOn', 'subjectId']);

export function ItemForm(props: { preset: ItemPreset | null; onClose(saved: boolean): void }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const people = useApi('people.list', q.trim() ? { q: q.trim(), limit: 20, offset: 0 } : null);
  const orgs = useApi('partyOrgs.list', props.preset && !props.preset.subjectId ? {} : null);
  const mode = Form.useWatch('ownerMode', form) ?? 'person';
  const p = props.preset;
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const subject = p?.subjectId ? { subjectKind: p.subjectKind, subjectId: p.subjectId } : v.orgId ? { subjectKind: 'org' as const, subjectId: v.orgId } : {};
      await call('rectification.save', {
        kind: v.kind, title: v.title, detail: v.detail || null, ...subject,
        ...(v.ownerMode === 'person' ? { ownerPersonId: v.ownerPersonId ?? null } : { ownerUser: v.ownerUser ?? null }),
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null, ...(p?.fromLight ? { fromLight: p.fromLight } : {}),
      });
      message.success(t('as.saved'));
      form.resetFields();
      props.onClose(true);
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(form, FIELDS, lang, message)(e.body);
      else message.error(String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!p} title={t('as.newItem')} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden
      onCancel={() => props.onClose(false)} data-testid="as-item-form" width={560}
    >
      {p && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}
          initialValues={{ kind: p.kind ?? 'rectification', title: p.title ?? '', ownerMode: 'person', dueOn: dayjs(todayInBeijing()).add(30, 'day') }}>
          <Form.Item name="kind" label={t('as.kind')} rules={[{ required: true }]}>
            <Radio.Group options={ITEM_KINDS.map((k) => ({ value: k, label: label(ITEM_KINDS_L, k) }))} />
          </Form.Item>
          {p.subjectName ? (
            <Form.Item label={t('as.subject')}><Input value={p.subjectName} disabled /></Form.Item>
          ) : (
            <Form.Item name="orgId" label={t('as.org')}>
              <Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('as.title')} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="detail" label={t('as.detail')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="ownerMode" label={t('as.owner')}>
            <Radio.Group options={[{ value: 'person', label: t('as.ownerPerson') }, { value: 'user', label: t('as.ownerUser') }]} />
          </Form.Item>
          {mode === 'person' ? (
            <Form.Item name="ownerPersonId" rules={[{ required: true, message: lang === 'zh' ? '请指定责任人' : 'Name an owner' }]}>
              <Select showSearch filterOption={false} onSearch={setQ} placeholder={t('as.ownerSearch')} aria-label={t('as.ownerPerson')} data-testid="as-owner-person"
                notFoundContent={null} options={(people.data?.rows ?? []).map((r) => ({ value: r.id, label: r.name }))} />
            </Form.Item>
          ) : (
            <Form.Item name="ownerUser" rules={[{ required: true, whitespace: true, message: lang === 'zh' ? '请指定责任人' : 'Name an owner' }]}>
              <Input maxLength={60} aria-label={t('as.ownerUser')} />
            </Form.Item>
          )}
          <Form.Item name="dueOn" label={t('as.due')}><DatePicker /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}
