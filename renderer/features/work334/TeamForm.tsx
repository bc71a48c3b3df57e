// Creating or editing a post, area or team: organisation, kind, goal, period, members and outlets.
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { TEAM_KIND_KEYS, type TeamKind } from '../../../shared/teams/rules.js';
import type { TeamDetail } from '../../../shared/teams/types.js';
import { ApiCallError, call } from '../../api/client';
import { OutletSelect } from '../../components/OutletSelect';
import { reportOnForm } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { TEAM_KINDS_L } from './labels';
import { PersonPick } from './PersonPick';

interface Values {
  orgId: string; kind: TeamKind; name: string; goal: string; startsOn: dayjs.Dayjs; endsOn?: dayjs.Dayjs | null;
  leaderPersonId?: string | null; memberIds: string[]; outletIds: string[]; results?: string;
}
const FIELDS = new Set(['orgId', 'kind', 'name', 'goal', 'startsOn', 'endsOn', 'leaderPersonId', 'memberIds', 'outletIds', 'results']);

/** `team` null: closed; 'new': a new one; a detail: edit it. */
export function TeamForm(props: { team: TeamDetail | 'new' | null; onClose(saved: boolean): void }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const orgs = useApi('partyOrgs.list', props.team ? {} : null);
  const orgId = Form.useWatch('orgId', form);
  const edit = props.team && props.team !== 'new' ? props.team : null;
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await call('teams.save', {
        ...(edit ? { id: edit.id } : {}), orgId: v.orgId, kind: v.kind, name: v.name, goal: v.goal, startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null, leaderPersonId: v.leaderPersonId ?? null, memberIds: v.memberIds ?? [], outletIds: v.outletIds ?? [],
        results: v.results ?? null,
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
  return (
    <Modal open={!!props.team} title={edit ? t('w3.editTeam') : t('w3.newTeam')} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden
      onCancel={() => props.onClose(false)} data-testid="w3-team-form" width={640}>
      {props.team && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}
          initialValues={edit ? {
            orgId: edit.orgId, kind: edit.kind, name: edit.name, goal: edit.goal, startsOn: dayjs(edit.startsOn), endsOn: edit.endsOn ? dayjs(edit.endsOn) : null,
            leaderPersonId: edit.leaderPersonId, memberIds: edit.members.map((m) => m.personId), outletIds: edit.outlets.map((o) => o.outletId), results: edit.results ?? '',
          } : { kind: 'commando_team', memberIds: [], outletIds: [] }}>
          <Form.Item name="kind" label={t('w3.kind')} rules={[{ required: true }]}>
            <Radio.Group options={TEAM_KIND_KEYS.map((k) => ({ value: k, label: label(TEAM_KINDS_L, k) }))} />
          </Form.Item>
          <Form.Item name="orgId" label={t('w3.org')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('w3.name')} rules={[{ required: true, whitespace: true }]}><Input maxLength={80} /></Form.Item>
          <Form.Item name="goal" label={t('w3.goal')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="startsOn" label={t('w3.startsOn')} rules={[{ required: true }]} style={{ flex: 1 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="endsOn" label={t('w3.endsOn')} style={{ flex: 1 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </div>
          <Form.Item name="memberIds" label={t('w3.members')} rules={[{ required: true }]} extra={orgId ? undefined : t('w3.pickOrgFirst')}>
            <PersonPick multiple orgId={orgId} aria-label={t('w3.members')} />
          </Form.Item>
          <Form.Item name="leaderPersonId" label={t('w3.leader')}><PersonPick orgId={orgId} aria-label={t('w3.leader')} /></Form.Item>
          <Form.Item name="outletIds" label={t('w3.outlets')}>
            <OutletSelect multiple initialLabels={Object.fromEntries((edit?.outlets ?? []).map((o) => [o.outletId, o.name]))} />
          </Form.Item>
          {edit && <Form.Item name="results" label={t('w3.results')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>}
        </Form>
      )}
    </Modal>
  );
}
