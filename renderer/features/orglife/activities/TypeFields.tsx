// The fields an activity type records (shared/orglife/activityKinds.ts): a meeting's host,
// recorder, agenda and minutes; a lecture's lecturer and topic; an outreach day's reach and
// services; a talk's two sides; a campaign's goal and result; a visit's problems and follow-up.
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ActivityType } from '../../../../shared/domain/enums.js';
import { hasField, needsField, type ActivityField } from '../../../../shared/orglife/activityKinds.js';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { OutletSelect } from '../../../components/OutletSelect';
import { useT } from '../../../i18n';

export interface PersonOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export function TypeFields(props: {
  type: ActivityType;
  people: PersonOption[];
  /** Host and recorder: the people, with those not present disabled; their errors by field. */
  roleOptions?: PersonOption[];
  roleErrors?: Record<string, string>;
  instructors: PersonOption[];
  outletLabels?: Record<string, string>;
}) {
  const { t, lang } = useT();
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const has = (f: ActivityField) => hasField(props.type, f);
  const req = (f: ActivityField) => needsField(props.type, f);
  const person = (name: string | string[], label: string, f: ActivityField, opts = props.people) => {
    const error = typeof name === 'string' ? props.roleErrors?.[name] : undefined;
    return (
      <Form.Item name={name} label={label} required={req(f)} {...(error ? { validateStatus: 'error' as const, help: error } : {})}>
        <Select allowClear showSearch optionFilterProp="label" options={opts} placeholder={t('act.pickMember')} />
      </Form.Item>
    );
  };
  const text = (name: string | string[], label: string, f: ActivityField, rows = 3, max = 2000) => (
    <Form.Item name={name} label={label} required={req(f)}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={max} />
    </Form.Item>
  );
  const isVisit = props.type === 'instructor_visit';
  return (
    <Row gutter={12}>
      {has('host') && <Col span={8}>{person('hostPersonId', L('hostPersonId'), 'host', props.roleOptions)}</Col>}
      {has('recorder') && <Col span={8}>{person('recorderPersonId', L('recorderPersonId'), 'recorder', props.roleOptions)}</Col>}
      {has('lecturer') && <Col span={8}>{person('lecturerPersonId', L('lecturerPersonId'), 'lecturer')}</Col>}
      {has('lecturer') && (
        <Col span={8}>
          <Form.Item name={['details', 'lecturerName']} label={L('lecturerName')}><Input maxLength={40} /></Form.Item>
        </Col>
      )}
      {has('instructor') && (
        <Col span={8}>
          <Form.Item name="instructorId" label={L('instructorId')} required={req('instructor')}>
            <Select allowClear showSearch optionFilterProp="label" options={props.instructors} />
          </Form.Item>
        </Col>
      )}
      {has('talkSides') && (
        <>
          <Col span={8}>{person('hostPersonId', t('act.talker'), 'talkSides')}</Col>
          <Col span={8}>{person(['details', 'talkeePersonId'], L('talkeePersonId'), 'talkSides')}</Col>
          <Col span={8}>
            <Form.Item name={['details', 'talkeeName']} label={t('act.talkeeOutside')}><Input maxLength={40} /></Form.Item>
          </Col>
        </>
      )}
      {has('topic') && (
        <Col span={24}>
          <Form.Item name="topic" label={L('topic')} required={req('topic')}><Input maxLength={200} /></Form.Item>
        </Col>
      )}
      {has('reach') && (
        <Col span={8}>
          <Form.Item name="reachCount" label={L('reachCount')} required={req('reach')}><InputNumber min={0} max={1_000_000} style={{ width: '100%' }} /></Form.Item>
        </Col>
      )}
      {has('services') && <Col span={16}>{text(['details', 'services'], L('services'), 'services', 1, 500)}</Col>}
      {has('goalResult') && (
        <>
          <Col span={12}>{text(['details', 'goal'], L('goal'), 'goalResult', 2, 500)}</Col>
          <Col span={12}>{text(['details', 'result'], L('result'), 'goalResult', 2, 1000)}</Col>
        </>
      )}
      {has('outlets') && (
        <Col span={24}>
          <Form.Item
            name="venueOutletIds"
            label={isVisit ? t('act.visitOutlet') : L('venueOutletIds')}
            required={req('outlets')}
            // A visit is at one outlet: the single select edits the one-element list.
            {...(isVisit ? { getValueProps: (v: string[] | undefined) => ({ value: v?.[0] }), normalize: (v: string | undefined) => (v ? [v] : []) } : {})}
          >
            {isVisit ? <OutletSelect initialLabel={Object.values(props.outletLabels ?? {})[0]} /> : <OutletSelect multiple initialLabels={props.outletLabels} />}
          </Form.Item>
        </Col>
      )}
      {has('agenda') && <Col span={24}>{text('agenda', L('agenda'), 'agenda', 2)}</Col>}
      {(has('minutes') || has('visit')) && <Col span={24}>{text('minutes', isVisit ? t('act.visitDone') : L('minutes'), isVisit ? 'visit' : 'minutes', 4, 20_000)}</Col>}
      {has('talkSides') && (
        <>
          <Col span={12}>{text(['details', 'talkerViews'], L('talkerViews'), 'talkSides', 2)}</Col>
          <Col span={12}>{text(['details', 'talkeeViews'], L('talkeeViews'), 'talkSides', 2)}</Col>
        </>
      )}
      {has('visit') && (
        <>
          <Col span={12}>{text(['details', 'problems'], L('problems'), 'visit', 2)}</Col>
          <Col span={12}>{text(['details', 'followUp'], L('followUp'), 'visit', 2, 1000)}</Col>
        </>
      )}
    </Row>
  );
}
