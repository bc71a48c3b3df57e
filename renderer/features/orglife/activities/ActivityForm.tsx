// Recording an activity of any type: its fields, attendance filled from the organisation, quorum
// and motions worked out before saving, resolutions, photos and files.
import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ActivityDetail } from '../../../../shared/orglife/contract.js';
import { ACTIVITY_TYPES, ATTENDANCE_STATUS, type ActivityType } from '../../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { ACTIVITY_KINDS, hasField } from '../../../../shared/orglife/activityKinds.js';
import { activityInput } from '../../../../shared/orglife/schemas.js';
import { notPresent, roleConflicts } from '../../../../shared/orglife/roles.js';
import { ApiCallError, call } from '../../../api/client';
import { applyIssues, checkWithSchema, errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { AttachmentsField, type AttachmentItem } from '../../../components/AttachmentsField';
import { AttendanceEditor, type MarkItem } from './AttendanceEditor';
import { attachmentsFromDetail, initialValues, marksFromDetail, resolutionsFromDetail, toInput, type Preset } from './formModel';
import { ACTIVITY_STATUS } from './labels';
import { QuorumPanel } from './QuorumPanel';
import { ResolutionsEditor, type ResolutionItem } from './ResolutionsEditor';
import { TypeFields } from './TypeFields';
import { outsidePeriod, PeriodNotice } from '../due/PeriodNotice';
import { HistoryPanel } from '../../history';

const FIELDS = new Set([
  'type', 'status', 'orgId', 'groupId', 'instructorId', 'title', 'heldOn', 'startTime', 'durationMin', 'place', 'hostPersonId', 'recorderPersonId',
  'lecturerPersonId', 'topic', 'agenda', 'minutes', 'reachCount', 'venueOutletIds',
  ...['lecturerName', 'services', 'goal', 'result', 'talkeePersonId', 'talkeeName', 'talkerViews', 'talkeeViews', 'problems', 'followUp'].map((f) => `details.${f}`),
]);

export function ActivityForm(props: { open: boolean; activityId?: string; preset?: Preset; onClose(saved?: ActivityDetail): void }) {
  const { t, options, label, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const type = (Form.useWatch('type', form) as ActivityType | undefined) ?? props.preset?.type ?? 'theme_day';
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const groupId = Form.useWatch('groupId', form) as string | undefined;
  const hostPersonId = Form.useWatch('hostPersonId', form) as string | undefined;
  const recorderPersonId = Form.useWatch('recorderPersonId', form) as string | undefined;
  const detail = useApi('activities.get', props.open && props.activityId ? { id: props.activityId } : null);
  const orgs = useApi('partyOrgs.list', props.open ? {} : null);
  const org = useApi('partyOrgs.get', props.open && orgId ? { id: orgId } : null);
  const instructors = useApi('instructors.list', props.open ? {} : null);
  const settings = useApi('orgLife.settings', props.open ? {} : null);
  const kind = ACTIVITY_KINDS[type];
  const rosterInput = props.open && orgId ? { orgId, type, ...(type === 'group_meeting' && groupId ? { groupId } : {}) } : null;
  const roster = useApi('activities.roster', rosterInput);
  const [marks, setMarks] = useState<MarkItem[]>([]);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  const [resolutions, setResolutions] = useState<ResolutionItem[]>([]);
  const [attachments, setAttachments] = useState<AttachmentItem[]>([]);
  const [reasonErrors, setReasonErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const editing = !!props.activityId;
  const loaded = !editing || !!detail.data;

  useEffect(() => {
    if (!props.open || !loaded) return;
    form.resetFields();
    const d = detail.data;
    form.setFieldsValue(initialValues(d, props.preset));
    setMarks(d ? marksFromDetail(d) : []);
    setResolutions(d ? resolutionsFromDetail(d) : []);
    setAttachments(d ? attachmentsFromDetail(d) : []);
    setFilledFrom(d ? `${d.orgId}|${d.type}|${d.groupId ?? ''}` : null);
    setReasonErrors({});
  }, [props.open, loaded, detail.data, props.preset, form]);

  // Expected attendance follows the organisation (and group or committee) chosen.
  const rosterKey = `${orgId}|${type}|${groupId ?? ''}`;
  const fillFromRoster = () => setMarks((roster.data ?? []).map((r) => ({ personId: r.personId, name: r.name, probationary: r.probationary, status: 'present', reason: null, note: r.groupName })));
  useEffect(() => {
    if (!props.open || !roster.data || !orgId || rosterKey === filledFrom) return;
    fillFromRoster();
    setFilledFrom(rosterKey);
  }, [roster.data, rosterKey, filledFrom, props.open, orgId]);

  const people = useMemo(() => {
    const opts = (roster.data ?? []).map((r) => ({ value: r.personId, label: r.name }));
    const d = detail.data;
    const known = new Set(opts.map((o) => o.value));
    for (const [id, name] of [[d?.hostPersonId, d?.hostName], [d?.recorderPersonId, d?.recorderName], [d?.lecturerPersonId, d?.lecturerName]] as const) {
      if (id && name && !known.has(id)) {
        opts.push({ value: id, label: name });
        known.add(id);
      }
    }
    return opts;
  }, [roster.data, detail.data]);

  // Someone marked absent or on leave is offered, greyed out, for neither host nor recorder; one
  // chosen before being marked so gets the backend's own message under the field at once.
  const withAttendance = kind.fields.includes('attendance');
  const away = useMemo(() => (withAttendance ? notPresent(marks) : new Map<string, 'absent' | 'excused'>()), [marks, withAttendance]);
  const roleOptions = people.map((o) => (away.has(o.value) ? { ...o, disabled: true, label: `${o.label}（${label(ATTENDANCE_STATUS, away.get(o.value))}）` } : o));
  const roleIssues = withAttendance ? roleConflicts({ hostPersonId, recorderPersonId, attendance: marks }) : [];
  const roleErrors = Object.fromEntries(roleIssues.map((i) => [i.path, lang === 'en' ? i.messageEn : i.message]));

  const submit = async () => {
    if (roleIssues.length) return void message.error(roleErrors[roleIssues[0]!.path]);
    const input = toInput(form.getFieldsValue(), marks, resolutions, attachments, lang, props.activityId);
    const local = checkWithSchema(activityInput, input);
    const report = (body: { issues: { path: string; message: string; messageEn: string }[]; message: string; messageEn: string }) => {
      const errs: Record<string, string> = {};
      for (const i of body.issues) {
        const m = /^attendance\.(\d+)\.reason$/.exec(i.path);
        if (m) errs[input.attendance![Number(m[1])]!.personId] = lang === 'en' ? i.messageEn : i.message;
      }
      setReasonErrors(errs);
      const loose = applyIssues(form, body as never, lang, FIELDS);
      message.error(loose[0] ?? (lang === 'en' ? body.messageEn : body.message));
    };
    if (!local.ok) return report(local.body);
    setSaving(true);
    try {
      const saved = await call('activities.save', input);
      message.success(t('common.saved'));
      props.onClose(saved);
    } catch (e) {
      if (e instanceof ApiCallError) report(e.body);
      else message.error(errorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!props.activityId) return;
    await call('activities.delete', { id: props.activityId });
    message.success(t('common.deleted'));
    props.onClose(detail.data);
  };

  const groups = org.data?.groups ?? [];
  return (
    <Drawer
      open={props.open}
      size={920}
      title={editing ? `${t('common.edit')} · ${detail.data?.title ?? ''}` : t('act.new')}
      onClose={() => props.onClose()}
      destroyOnHidden
      extra={
        <Space>
          {editing && <Popconfirm title={t('common.confirmDelete')} onConfirm={remove}><Button danger>{t('common.delete')}</Button></Popconfirm>}
          <Button onClick={() => props.onClose()}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit}>{t('common.save')}</Button>
        </Space>
      }
    >
      {!loaded ? <Spin /> : (
        <Form form={form} layout="vertical" requiredMark>
          {detail.data?.synthetic && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('common.synthetic')} />}
          <PeriodNotice period={props.preset?.period} />
          <Row gutter={12}>
            <Col span={8}><Form.Item name="type" label={L('type')} required><Select showSearch optionFilterProp="label" options={options(ACTIVITY_TYPES)} /></Form.Item></Col>
            <Col span={8}>
              <Form.Item name="status" label={L('status')}><Radio.Group optionType="button" options={options(ACTIVITY_STATUS)} /></Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="orgId" label={L('orgId')} required={hasField(type, 'attendance')}>
                <Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} onChange={() => form.setFieldValue('groupId', undefined)} />
              </Form.Item>
            </Col>
            {hasField(type, 'group') && (
              <Col span={8}>
                <Form.Item name="groupId" label={L('groupId')} required><Select allowClear options={groups.map((g) => ({ value: g.id, label: g.name }))} /></Form.Item>
              </Col>
            )}
            <Col span={8}><Form.Item name="heldOn" label={L('heldOn')} required><DatePicker style={{ width: '100%' }} disabledDate={outsidePeriod(props.preset?.period)} /></Form.Item></Col>
            <Col span={4}><Form.Item name="startTime" label={L('startTime')}><Input placeholder="14:30" maxLength={5} /></Form.Item></Col>
            <Col span={4}><Form.Item name="durationMin" label={L('durationMin')}><InputNumber min={1} max={1440} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item name="place" label={L('place')}><Input maxLength={100} /></Form.Item></Col>
            <Col span={16}><Form.Item name="title" label={L('title')}><Input maxLength={120} placeholder={t('act.titleHint')} /></Form.Item></Col>
          </Row>
          <TypeFields
            type={type}
            people={people}
            roleOptions={roleOptions}
            roleErrors={roleErrors}
            instructors={(instructors.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            outletLabels={Object.fromEntries((detail.data?.outlets ?? []).map((o) => [o.id, o.name]))}
          />
          {kind.fields.includes('attendance') && (
            <>
              <Divider titlePlacement="start" plain>{L('attendance')}</Divider>
              {!orgId ? <Alert type="info" showIcon message={t('act.pickOrgFirst')} /> : (
                <AttendanceEditor value={marks} onChange={setMarks} onRefill={fillFromRoster} errors={reasonErrors} />
              )}
            </>
          )}
          {kind.fields.includes('resolutions') && (
            <>
              <Divider titlePlacement="start" plain>{L('resolutions')}</Divider>
              <ResolutionsEditor value={resolutions} onChange={setResolutions} canVote={kind.fields.includes('votes')} />
            </>
          )}
          {settings.data && marks.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <QuorumPanel marks={marks} resolutions={kind.fields.includes('votes') ? resolutions : []} settings={settings.data} showQuorum={kind.quorum} />
            </div>
          )}
          <Divider titlePlacement="start" plain>{L('attachments')}</Divider>
          <AttachmentsField value={attachments} onChange={setAttachments} settings={settings.data} />
          <HistoryPanel tbl="activities" rowId={props.activityId} />
        </Form>
      )}
    </Drawer>
  );
}
