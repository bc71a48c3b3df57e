// A visit record (驻点指导): instructor, contact-point outlet, date, what was done, problems found,
// follow-up, photos. Stored as an activity of type instructor_visit.
import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useEffect, useState } from 'react';
import type { ActivityDetail } from '../../../../shared/orglife/contract.js';
import type { ActivityInput } from '../../../../shared/orglife/schemas.js';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { activityInput } from '../../../../shared/orglife/schemas.js';
import { ApiCallError, call } from '../../../api/client';
import { OutletSelect } from '../../../components/OutletSelect';
import { applyIssues, checkWithSchema, errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { AttachmentsField, type AttachmentItem } from '../../../components/AttachmentsField';
import type { SettlePeriod } from '../../../../shared/orglife/due.js';
import { outsidePeriod, PeriodNotice } from '../due/PeriodNotice';

const FIELDS = new Set(['instructorId', 'venueOutletIds', 'heldOn', 'startTime', 'minutes', 'details.problems', 'details.followUp']);

export function VisitForm(props: { open: boolean; preset?: { instructorId?: string; outletId?: string; period?: SettlePeriod }; onClose(saved?: ActivityDetail): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const instructors = useApi('instructors.list', props.open ? {} : null);
  const settings = useApi('orgLife.settings', props.open ? {} : null);
  const presetOutlet = useApi('outlets.get', props.open && props.preset?.outletId ? { id: props.preset.outletId } : null);
  const [attachments, setAttachments] = useState<AttachmentItem[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue({ instructorId: props.preset?.instructorId, outletId: props.preset?.outletId, heldOn: dayjs(props.preset?.period?.on ?? todayInBeijing()) });
    setAttachments([]);
  }, [props.open, props.preset, form]);

  const submit = async () => {
    const v = form.getFieldsValue();
    // The visit belongs to the organisation covering the outlet, when there is one.
    const outlet = v.outletId ? await call('outlets.get', { id: v.outletId }).catch(() => null) : null;
    const input: ActivityInput = {
      type: 'instructor_visit', status: 'held', orgId: outlet?.coverageOrgId ?? null, instructorId: v.instructorId ?? null,
      title: `${lang === 'en' ? 'Visit' : '驻点指导'}：${outlet?.name ?? ''}`, heldOn: v.heldOn ? v.heldOn.format('YYYY-MM-DD') : '',
      startTime: v.startTime || null, minutes: v.minutes || null, venueOutletIds: v.outletId ? [v.outletId] : [],
      details: { problems: v.problems || null, followUp: v.followUp || null },
      attachments: attachments.map((a) => ({ sha256: a.sha256, thumbSha256: a.thumbSha256, name: a.name })),
    };
    const rename = (b: { issues: { path: string; message: string; messageEn: string }[] }) => ({
      ...b, issues: b.issues.map((i) => ({ ...i, path: i.path === 'venueOutletIds' ? 'outletId' : i.path.replace(/^details\./, '') })),
    });
    const fields = new Set([...FIELDS, 'outletId', 'problems', 'followUp']);
    const local = checkWithSchema(activityInput, input);
    if (!local.ok) {
      const loose = applyIssues(form, rename(local.body) as never, lang, fields);
      message.error(loose[0] ?? (lang === 'en' ? local.body.messageEn : local.body.message));
      return;
    }
    setSaving(true);
    try {
      const saved = await call('activities.save', input);
      message.success(t('common.saved'));
      props.onClose(saved);
    } catch (e) {
      if (e instanceof ApiCallError) applyIssues(form, rename(e.body) as never, lang, fields);
      message.error(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      size={760}
      title={t('ins.newVisit')}
      onClose={() => props.onClose()}
      destroyOnHidden
      extra={<Space><Button onClick={() => props.onClose()}>{t('common.cancel')}</Button><Button type="primary" loading={saving} onClick={submit}>{t('common.save')}</Button></Space>}
    >
      <PeriodNotice period={props.preset?.period} />
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="instructorId" label={L('instructorId')} required>
              <Select showSearch optionFilterProp="label" options={(instructors.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unitName}）` }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="outletId" label={t('act.visitOutlet')} required>
              <OutletSelect initialLabel={presetOutlet.data?.name} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="heldOn" label={L('heldOn')} required><DatePicker style={{ width: '100%' }} disabledDate={outsidePeriod(props.preset?.period)} /></Form.Item></Col>
          <Col span={8}><Form.Item name="startTime" label={L('startTime')}><Input placeholder="10:00" maxLength={5} /></Form.Item></Col>
          <Col span={24}><Form.Item name="minutes" label={t('act.visitDone')} required><Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20_000} /></Form.Item></Col>
          <Col span={12}><Form.Item name="problems" label={L('problems')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Form.Item></Col>
          <Col span={12}><Form.Item name="followUp" label={L('followUp')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} /></Form.Item></Col>
          <Col span={24}><Form.Item label={L('attachments')}><AttachmentsField value={attachments} onChange={setAttachments} settings={settings.data} /></Form.Item></Col>
        </Row>
      </Form>
    </Drawer>
  );
}
