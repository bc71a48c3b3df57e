import { Alert, App, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Button, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { birthDateFromCitizenId, citizenIdProblem, genderFromCitizenId, normalizeCitizenId } from '../../../shared/domain/citizenId.js';
import { DUES_BASE_TYPES, EDUCATION, EMPLOYMENT, ETHNICITIES, GENDERS, MOBILITY, POLITICAL_STATUS, POSTS, RECRUIT_STAGES, STANDINGS } from '../../../shared/domain/enums.js';
import { RULE_MESSAGES } from '../../../shared/core/errors.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { personInput } from '../../../shared/people/schemas/person.js';
import { call } from '../../api/client';
import { reportOnForm, saveChecked } from '../../components/formErrors';
import { OutletSelect } from '../../components/OutletSelect';
import { useApi } from '../../components/useApi';
import { formatDateTime } from '../../components/formatDate';
import { useT } from '../../i18n';
import { PersonLifecycle } from './PersonLifecycle';
import { RevealButton } from './RevealButton';
import type { PersonDetail } from '../../../shared/people/personTypes.js';

const MEMBER_FIELDS = ['branchId', 'groupId', 'joinDate', 'fullDate', 'standing', 'mobility', 'mobilityDestination', 'mobilitySince', 'mobilityCardNo', 'lostContact', 'lostContactSince', 'lostContactReason', 'duesBaseType'];
const RECRUIT_DATES = ['appliedOn', 'activistOn', 'candidateOn', 'probationaryOn', 'fullOn', 'cancelledOn'] as const;
const FIELDS = new Set([
  'name', 'gender', 'ethnicity', 'birthDate', 'citizenId', 'phone', 'education', 'outletId', 'post', 'employment', 'politicalStatus', 'consentOn', 'notes',
  ...MEMBER_FIELDS.map((f) => `member.${f}`), ...RECRUIT_DATES.map((f) => `recruit.${f}`), 'recruit.stage', 'recruit.trainingHours',
]);
const RECRUIT_LABELS: Record<(typeof RECRUIT_DATES)[number], { zh: string; en: string }> = {
  appliedOn: { zh: '申请入党日期', en: 'Applied' }, activistOn: { zh: '确定积极分子日期', en: 'Activist since' },
  candidateOn: { zh: '确定发展对象日期', en: 'Candidate since' }, probationaryOn: { zh: '接收预备党员日期', en: 'Admitted' },
  fullOn: { zh: '转正日期', en: 'Full since' }, cancelledOn: { zh: '终止日期', en: 'Cancelled' },
};

const day = (v?: string | null) => (v ? dayjs(v) : undefined);
const iso = (v?: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const blank = (v: any): any => (v === undefined || v === '' ? null : v);

export function toFormValues(p: PersonDetail) {
  return {
    ...p,
    birthDate: day(p.birthDate),
    consentOn: day(p.consentOn),
    citizenId: p.citizenIdMasked ? undefined : p.citizenId,
    phone: p.citizenIdMasked ? undefined : p.phone,
    member: p.member ? { ...p.member, joinDate: day(p.member.joinDate), fullDate: day(p.member.fullDate), mobilitySince: day(p.member.mobilitySince), lostContactSince: day(p.member.lostContactSince) } : undefined,
    hasRecruit: !!p.recruit,
    recruit: p.recruit ? { ...p.recruit, ...Object.fromEntries(RECRUIT_DATES.map((k) => [k, day(p.recruit![k])])) } : undefined,
  };
}

/** Turns form values into the contract's input (the same shape the shared schema checks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toInput(v: any, existing?: PersonDetail) {
  const isParty = v.politicalStatus === 'full_member' || v.politicalStatus === 'probationary';
  const m = v.member ?? {};
  const r = v.recruit ?? {};
  return {
    ...(existing ? { id: existing.id } : {}),
    name: v.name ?? '',
    gender: blank(v.gender), ethnicity: blank(v.ethnicity), birthDate: iso(v.birthDate),
    // With a masked id the field stays empty: leaving it out keeps the stored value.
    ...(existing?.citizenIdMasked && !v.citizenId ? {} : { citizenId: blank(v.citizenId) }),
    ...(existing?.citizenIdMasked && !v.phone ? {} : { phone: blank(v.phone) }),
    education: blank(v.education), outletId: blank(v.outletId), post: blank(v.post), employment: blank(v.employment),
    politicalStatus: v.politicalStatus, consentOn: iso(v.consentOn), notes: blank(v.notes),
    member: isParty
      ? {
          branchId: m.branchId ?? '', groupId: blank(m.groupId), joinDate: iso(m.joinDate) ?? '', fullDate: iso(m.fullDate),
          standing: m.standing ?? 'normal', mobility: m.mobility ?? 'none', mobilityDestination: blank(m.mobilityDestination),
          mobilitySince: iso(m.mobilitySince), mobilityCardNo: blank(m.mobilityCardNo), lostContact: !!m.lostContact,
          lostContactSince: iso(m.lostContactSince), lostContactReason: blank(m.lostContactReason), duesBaseType: m.duesBaseType ?? 'wage',
        }
      : null,
    recruit: v.hasRecruit && !isParty
      ? { stage: r.stage ?? 'applicant', trainingHours: r.trainingHours ?? 0, ...Object.fromEntries(RECRUIT_DATES.map((k) => [k, iso(r[k])])) }
      : null,
  };
}

export function PersonForm(props: { open: boolean; personId?: string; defaultOutletId?: string; onClose(saved?: PersonDetail): void }) {
  const { t, options, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [existing, setExisting] = useState<PersonDetail | undefined>();
  const [idHint, setIdHint] = useState<string | null>(null);
  const status = Form.useWatch('politicalStatus', form) as string | undefined;
  const employment = Form.useWatch('employment', form) as string | undefined;
  const mobility = Form.useWatch(['member', 'mobility'], form) as string | undefined;
  const lost = Form.useWatch(['member', 'lostContact'], form) as boolean | undefined;
  const hasRecruit = Form.useWatch('hasRecruit', form) as boolean | undefined;
  const branchId = Form.useWatch(['member', 'branchId'], form) as string | undefined;
  const branches = useApi('partyOrgs.list', props.open ? {} : null);
  const branch = useApi('partyOrgs.get', props.open && branchId ? { id: branchId } : null);
  const isParty = status === 'full_member' || status === 'probationary';
  const L = (k: string) => FIELD_LABELS[k]![lang];

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setIdHint(null);
    setExisting(undefined);
    if (props.personId) {
      void call('people.get', { id: props.personId }).then((p) => {
        setExisting(p);
        form.setFieldsValue(toFormValues(p));
      });
    } else form.setFieldsValue({ politicalStatus: 'masses', ethnicity: '汉族', outletId: props.defaultOutletId });
  }, [props.open, props.personId, props.defaultOutletId, form]);

  // Checked as the user types; a complete valid id fills birth date and gender.
  const onIdChange = (raw: string) => {
    const id = normalizeCitizenId(raw);
    if (id.length < 18) return setIdHint(null);
    const p = citizenIdProblem(id);
    if (p) return setIdHint(RULE_MESSAGES[`citizen_id.${p}`]![lang]);
    setIdHint(null);
    form.setFieldsValue({ birthDate: dayjs(birthDateFromCitizenId(id)!), gender: genderFromCitizenId(id) });
  };

  const submit = async () => {
    const input = toInput(form.getFieldsValue(true), existing);
    const saved = await saveChecked({ schema: personInput, name: 'people.save', input, report: reportOnForm(form, FIELDS, lang, message) });
    if (!saved) return;
    message.success(t('common.saved'));
    props.onClose(saved);
  };

  return (
    <Drawer
      open={props.open}
      size={820}
      title={existing ? `${t('common.edit')} · ${existing.name}` : t('people.new')}
      onClose={() => props.onClose()}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => props.onClose()}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={submit}>{t('common.save')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" size="middle">
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>{t('people.basic')}</Divider>
        <Row gutter={12}>
          <Col span={6}><Form.Item name="name" label={lang === 'zh' ? '姓名' : 'Name'} required><Input maxLength={40} /></Form.Item></Col>
          <Col span={10}>
            <Form.Item name="citizenId" label={L('citizenId')} validateStatus={idHint ? 'error' : undefined}
              help={idHint ?? (existing?.citizenIdMasked ? <>{`${t('people.masked')}：${existing.citizenId ?? ''}`} <RevealButton personId={existing.id} onRevealed={(v) => form.setFieldsValue(v)} /></> : undefined)}>
              <Input maxLength={22} onChange={(e) => onIdChange(e.target.value)} placeholder={existing?.citizenIdMasked ? existing.citizenId ?? '' : undefined} />
            </Form.Item>
          </Col>
          <Col span={4}><Form.Item name="gender" label={L('gender')}><Select allowClear options={options(GENDERS)} /></Form.Item></Col>
          <Col span={4}><Form.Item name="birthDate" label={L('birthDate')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="phone" label={L('phone')}><Input maxLength={20} placeholder={existing?.citizenIdMasked ? existing.phone ?? '' : undefined} /></Form.Item></Col>
          <Col span={6}><Form.Item name="ethnicity" label={L('ethnicity')}><Select showSearch allowClear options={ETHNICITIES.map((e) => ({ value: e, label: e }))} /></Form.Item></Col>
          <Col span={6}><Form.Item name="education" label={L('education')}><Select allowClear options={options(EDUCATION)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="politicalStatus" label={L('politicalStatus')} required><Select options={options(POLITICAL_STATUS)} /></Form.Item></Col>
          <Col span={12}><Form.Item name="outletId" label={L('outletId')}><OutletSelect initialLabel={existing?.outletName} /></Form.Item></Col>
          <Col span={6}><Form.Item name="post" label={L('post')}><Select allowClear options={options(POSTS)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="employment" label={L('employment')}><Select allowClear options={options(EMPLOYMENT)} /></Form.Item></Col>
          {employment === 'partner_staff' && (
            <Col span={8}><Form.Item name="consentOn" label={L('consentOn')} required><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          )}
          <Col span={employment === 'partner_staff' ? 16 : 24}><Form.Item name="notes" label={L('notes')}><Input maxLength={500} /></Form.Item></Col>
        </Row>

        {isParty && (
          <>
            <Divider titlePlacement="start">{t('people.membership')}</Divider>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item name={['member', 'branchId']} label={L('branchId')} required>
                  <Select showSearch optionFilterProp="label" options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} onChange={() => form.setFieldValue(['member', 'groupId'], undefined)} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={['member', 'groupId']} label={L('groupId')}>
                  <Select allowClear options={(branch.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))} />
                </Form.Item>
              </Col>
              <Col span={4}><Form.Item name={['member', 'joinDate']} label={L('joinDate')} required><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={4}><Form.Item name={['member', 'fullDate']} label={L('fullDate')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={6}><Form.Item name={['member', 'standing']} label={L('standing')} initialValue="normal"><Select options={options(STANDINGS)} /></Form.Item></Col>
              <Col span={6}><Form.Item name={['member', 'duesBaseType']} label={L('duesBaseType')} initialValue="wage"><Select options={options(DUES_BASE_TYPES)} /></Form.Item></Col>
              <Col span={6}><Form.Item name={['member', 'mobility']} label={L('mobility')} initialValue="none"><Select options={options(MOBILITY)} /></Form.Item></Col>
              <Col span={6}><Form.Item name={['member', 'lostContact']} label={L('lostContact')} valuePropName="checked"><Checkbox>{t('common.yes')}</Checkbox></Form.Item></Col>
              {mobility && mobility !== 'none' && (
                <>
                  <Col span={10}><Form.Item name={['member', 'mobilityDestination']} label={L('mobilityDestination')} required><Input maxLength={100} /></Form.Item></Col>
                  <Col span={6}><Form.Item name={['member', 'mobilitySince']} label={L('mobilitySince')} required><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={8}><Form.Item name={['member', 'mobilityCardNo']} label={L('mobilityCardNo')}><Input maxLength={40} /></Form.Item></Col>
                </>
              )}
              {lost && (
                <>
                  <Col span={6}><Form.Item name={['member', 'lostContactSince']} label={L('lostContactSince')} required><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                  <Col span={18}><Form.Item name={['member', 'lostContactReason']} label={L('lostContactReason')} required><Input maxLength={200} /></Form.Item></Col>
                </>
              )}
            </Row>
          </>
        )}

        {!isParty && (
          <>
            <Divider titlePlacement="start">{t('people.recruit')}</Divider>
            <Form.Item name="hasRecruit" valuePropName="checked"><Checkbox>{t('people.hasRecruit')}</Checkbox></Form.Item>
            {hasRecruit && (
              <Row gutter={12}>
                <Col span={6}><Form.Item name={['recruit', 'stage']} label={L('stage')} initialValue="applicant"><Select options={options(RECRUIT_STAGES)} /></Form.Item></Col>
                <Col span={6}><Form.Item name={['recruit', 'trainingHours']} label={L('trainingHours')} initialValue={0}><InputNumber min={0} max={1000} style={{ width: '100%' }} /></Form.Item></Col>
                {RECRUIT_DATES.map((k) => (
                  <Col span={6} key={k}><Form.Item name={['recruit', k]} label={RECRUIT_LABELS[k][lang]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                ))}
              </Row>
            )}
          </>
        )}
        {existing && <PersonLifecycle person={existing} onChanged={(p) => { setExisting(p); form.setFieldsValue({ member: toFormValues(p).member }); }} />}
        {existing?.synthetic && <Alert type="warning" showIcon title={t('common.synthetic')} />}
        {existing && <Typography.Text type="secondary">{t('person.updated', { at: formatDateTime(existing.updatedAt) })}</Typography.Text>}
      </Form>
    </Drawer>
  );
}
