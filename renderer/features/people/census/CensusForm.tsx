import { App, Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useEffect, useRef, useState } from 'react';
import { birthDateFromCitizenId, citizenIdProblem, genderFromCitizenId, normalizeCitizenId } from '../../../../shared/domain/citizenId.js';
import { EMPLOYMENT, GENDERS, POLITICAL_STATUS, POSTS } from '../../../../shared/domain/enums.js';
import { RULE_MESSAGES, type ApiErrorBody } from '../../../../shared/core/errors.js';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { personInput } from '../../../../shared/people/schemas/person.js';
import { reportOnForm, saveChecked } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { useRegText } from '../text';

const FIELDS = new Set(['name', 'citizenId', 'gender', 'birthDate', 'phone', 'politicalStatus', 'post', 'employment', 'member.branchId', 'member.joinDate', 'member.fullDate']);
const iso = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const blank = <T,>(v: T | '' | undefined) => (v === undefined || v === '' ? null : v);

interface Values {
  name?: string;
  citizenId?: string;
  gender?: string;
  birthDate?: Dayjs;
  phone?: string;
  politicalStatus: string;
  post?: string;
  employment?: string;
  consent?: boolean;
  member?: { branchId?: string; joinDate?: Dayjs; fullDate?: Dayjs };
}

/**
 * One person at a time, keyboard first: Enter saves and starts the next entry with the cursor back
 * in 姓名; the outlet, post, employment and branch carry over (staff of one outlet share them).
 */
export function CensusForm(props: { outletId: string; defaultBranchId?: string | null; onSaved(): void }) {
  const r = useRegText();
  const { options, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const nameRef = useRef<InputRef>(null);
  const [idHint, setIdHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = Form.useWatch('politicalStatus', form);
  const employment = Form.useWatch('employment', form);
  const branches = useApi('partyOrgs.list', {});
  const isParty = status === 'full_member' || status === 'probationary';
  const L = (k: string) => FIELD_LABELS[k]![lang];

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ politicalStatus: 'masses', member: { branchId: props.defaultBranchId ?? undefined } });
    setIdHint(null);
    // After the outlet picker closes (it keeps focus for a moment), start typing names straight away.
    const h = setTimeout(() => nameRef.current?.focus(), 150);
    return () => clearTimeout(h);
  }, [props.outletId, props.defaultBranchId, form]);

  const onIdChange = (raw: string) => {
    const id = normalizeCitizenId(raw);
    if (id.length < 18) return setIdHint(id.length > 18 ? RULE_MESSAGES['citizen_id.length']![lang] : null);
    const p = citizenIdProblem(id);
    if (p) return setIdHint(RULE_MESSAGES[`citizen_id.${p}`]![lang]);
    setIdHint(null);
    form.setFieldsValue({ birthDate: dayjs(birthDateFromCitizenId(id)!), gender: genderFromCitizenId(id) ?? undefined });
  };

  const submit = async (v: Values) => {
    const party = v.politicalStatus === 'full_member' || v.politicalStatus === 'probationary';
    const input = {
      name: v.name ?? '',
      citizenId: blank(v.citizenId),
      gender: blank(v.gender) as 'male' | 'female' | null,
      birthDate: iso(v.birthDate),
      phone: blank(v.phone),
      outletId: props.outletId,
      politicalStatus: v.politicalStatus as 'masses',
      post: blank(v.post) as 'clerk' | null,
      employment: blank(v.employment) as 'employee' | null,
      consentOn: v.employment === 'partner_staff' && v.consent ? todayInBeijing() : null,
      member: party ? { branchId: v.member?.branchId ?? '', joinDate: iso(v.member?.joinDate) ?? '', fullDate: iso(v.member?.fullDate) } : null,
    };
    const report = (body: ApiErrorBody) => {
      // Partner staff are not employees: no record is kept without their consent.
      if (body.issues.some((i) => i.path === 'consentOn')) form.setFields([{ name: 'consent', errors: [RULE_MESSAGES['consent.partner_staff']![lang]] }]);
      reportOnForm(form, FIELDS, lang, message)(body);
    };
    setBusy(true);
    const saved = await saveChecked({ schema: personInput, name: 'people.save', input, report }).finally(() => setBusy(false));
    if (!saved) return;
    message.success(r('census.saved', { name: saved.name }));
    // Next person: identity cleared, what staff of one outlet share kept.
    form.resetFields(['name', 'citizenId', 'gender', 'birthDate', 'phone', 'consent', ['member', 'joinDate'], ['member', 'fullDate']]);
    form.setFieldsValue({ politicalStatus: 'masses' });
    setIdHint(null);
    props.onSaved();
    // After the re-render the save causes (counts, list), or the focus is lost to the page.
    setTimeout(() => nameRef.current?.focus(), 50);
  };

  return (
    <Form form={form} layout="vertical" size="middle" onFinish={submit} aria-label={r('census.form')}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{r('census.keys')}</Typography.Text>
      <Row gutter={10}>
        <Col span={5}><Form.Item name="name" label={r('name')} required><Input ref={nameRef} maxLength={40} autoComplete="off" /></Form.Item></Col>
        <Col span={9}>
          <Form.Item name="citizenId" label={L('citizenId')} validateStatus={idHint ? 'error' : undefined} help={idHint ?? r('census.idHint')}>
            <Input maxLength={22} autoComplete="off" onChange={(e) => onIdChange(e.target.value)} />
          </Form.Item>
        </Col>
        <Col span={4}><Form.Item name="gender" label={L('gender')}><Select allowClear options={options(GENDERS)} /></Form.Item></Col>
        <Col span={6}><Form.Item name="birthDate" label={L('birthDate')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        <Col span={6}><Form.Item name="phone" label={L('phone')}><Input maxLength={20} autoComplete="off" /></Form.Item></Col>
        <Col span={6}><Form.Item name="politicalStatus" label={L('politicalStatus')} required><Select options={options(POLITICAL_STATUS)} /></Form.Item></Col>
        <Col span={6}><Form.Item name="post" label={L('post')}><Select allowClear options={options(POSTS)} /></Form.Item></Col>
        <Col span={6}><Form.Item name="employment" label={L('employment')}><Select allowClear options={options(EMPLOYMENT)} /></Form.Item></Col>
        {employment === 'partner_staff' && (
          <Col span={24}>
            <Form.Item name="consent" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{r('census.consent')}</Checkbox>
            </Form.Item>
          </Col>
        )}
        {isParty && (
          <>
            <Col span={12}>
              <Form.Item name={['member', 'branchId']} label={L('branchId')} required>
                <Select showSearch optionFilterProp="label" options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
              </Form.Item>
            </Col>
            <Col span={6}><Form.Item name={['member', 'joinDate']} label={L('joinDate')} required><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={6}><Form.Item name={['member', 'fullDate']} label={L('fullDate')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          </>
        )}
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>{r('census.saveNext')}</Button>
    </Form>
  );
}
