// A manual entry or a deduction (扣分): member, item, the day it happened, reason (required) and
// evidence. A day in a locked quarter is counted in the next open one; the message says so.
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { entryInput } from '../../../shared/points/schemas.js';
import { ITEM_KINDS, type PointsItem } from '../../../shared/points/settings.js';
import { reportOnForm, saveChecked } from '../../components/formErrors';
import { useT } from '../../i18n';

const FIELDS = new Set(['personId', 'itemKey', 'occurredOn', 'points', 'reason', 'evidence']);

interface Values { personId?: string; itemKey?: string; occurredOn?: Dayjs; points?: number | null; reason?: string; evidence?: string }

export function EntryModal(props: { members: { personId: string; name: string }[]; items: PointsItem[]; onClose(): void; onSaved(): Promise<void> }) {
  const { t, lang, label } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    const input = {
      personId: v.personId ?? '', itemKey: v.itemKey ?? '', occurredOn: v.occurredOn ? v.occurredOn.format('YYYY-MM-DD') : '',
      ...(typeof v.points === 'number' ? { points: v.points } : {}), reason: v.reason ?? '', evidence: v.evidence ?? null,
    };
    const r = await saveChecked({ schema: entryInput, name: 'points.addEntry', input, report: reportOnForm(form, FIELDS, lang, message) });
    setBusy(false);
    if (!r) return;
    message.success(lang === 'en' ? r.en : r.zh, r.movedFrom ? 6 : 3);
    await props.onSaved();
  };
  return (
    <Modal open title={t('points.entry.title')} onCancel={props.onClose} onOk={save} okText={t('points.entry.save')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} name="pointsEntry" layout="vertical" initialValues={{ occurredOn: dayjs(todayInBeijing()) }}>
        <Form.Item name="personId" label={t('points.entry.person')} required>
          <Select showSearch optionFilterProp="label" options={props.members.map((m) => ({ value: m.personId, label: m.name }))} />
        </Form.Item>
        <Form.Item name="itemKey" label={t('points.entry.item')} required>
          <Select
            options={props.items.map((i) => ({
              value: i.key,
              label: `${label(ITEM_KINDS, i.kind)} · ${lang === 'en' ? i.en : i.zh}（${i.value > 0 ? '+' : ''}${i.value}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('points.entry.date')} required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(todayInBeijing()), 'day')} />
        </Form.Item>
        <Form.Item name="points" label={t('points.entry.points')}>
          <InputNumber style={{ width: '100%' }} step={1} />
        </Form.Item>
        <Form.Item name="reason" label={t('points.entry.reason')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="evidence" label={t('points.entry.evidence')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('points.entry.evidenceHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
