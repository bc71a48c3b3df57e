import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Table } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { OrgUnit, PartyOrg } from '../../../shared/org/types.js';
import { ALLIANCE_SECTORS, COMMITTEE_ROLES, GROUP_KINDS, ORG_TYPES, PAIRING_RATIOS, SETTING_MODES } from '../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { partyOrgInput } from '../../../shared/org/schemas/partyOrg.js';
import { call } from '../../api/client';
import { errorText, reportOnForm, saveChecked } from '../../components/formErrors';
import { OutletSelect } from '../../components/OutletSelect';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { HistoryPanel } from '../history';

const FIELDS = new Set(['name', 'orgType', 'settingMode', 'pairingRatio', 'allianceSector', 'parentOrgId', 'unitId', 'termStart', 'termEnd', 'outletIds']);

export function PartyOrgForm(props: { open: boolean; orgId?: string; unitId?: string; units: OrgUnit[]; onClose(saved?: PartyOrg): void }) {
  const { t, options, label, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [existing, setExisting] = useState<PartyOrg | undefined>();
  const [groupName, setGroupName] = useState('');
  const mode = Form.useWatch('settingMode', form) as string | undefined;
  const orgs = useApi('partyOrgs.list', props.open ? {} : null);
  const members = useApi('people.list', props.open && props.orgId ? { branchId: props.orgId, limit: 500, offset: 0 } : null);
  const L = (k: string) => FIELD_LABELS[k]![lang];

  const load = async (id: string) => {
    const o = await call('partyOrgs.get', { id });
    setExisting(o);
    form.setFieldsValue({ ...o, termStart: o.termStart ? dayjs(o.termStart) : undefined, termEnd: o.termEnd ? dayjs(o.termEnd) : undefined });
  };
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setExisting(undefined);
    if (props.orgId) void load(props.orgId);
    else form.setFieldsValue({ orgType: 'branch', settingMode: 'standalone', unitId: props.unitId, outletIds: [], committee: [] });
  }, [props.open, props.orgId]);

  const submit = async () => {
    const v = form.getFieldsValue(true);
    const input = {
      ...(existing ? { id: existing.id } : {}),
      name: v.name ?? '', orgType: v.orgType, settingMode: v.settingMode, pairingRatio: v.pairingRatio ?? null, allianceSector: v.allianceSector ?? null,
      parentOrgId: v.parentOrgId ?? null, unitId: v.unitId, termStart: v.termStart ? v.termStart.format('YYYY-MM-DD') : null,
      termEnd: v.termEnd ? v.termEnd.format('YYYY-MM-DD') : null, outletIds: v.outletIds ?? [],
      committee: (v.committee ?? []).filter((c: { personId?: string; role?: string }) => c?.personId && c?.role),
    };
    const saved = await saveChecked({ schema: partyOrgInput, name: 'partyOrgs.save', input, report: reportOnForm(form, FIELDS, lang, message) });
    if (!saved) return;
    message.success(t('common.saved'));
    props.onClose(saved);
  };

  const addGroup = async () => {
    if (!existing || !groupName.trim()) return;
    try {
      await call('partyGroups.save', { branchId: existing.id, name: groupName, kind: 'regular' });
      setGroupName('');
      await load(existing.id);
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const memberOptions = (members.data?.rows ?? []).map((p) => ({ value: p.id, label: p.name }));
  const outletLabels = Object.fromEntries((existing?.outlets ?? []).map((o) => [o.id, o.name]));
  return (
    <Modal open={props.open} width={860} title={existing ? `${t('common.edit')} · ${existing.name}` : t('org.newPartyOrg')}
      okText={t('common.save')} cancelText={t('common.cancel')} onOk={submit} onCancel={() => props.onClose()} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}><Form.Item name="name" label={L('name')} required><Input maxLength={80} /></Form.Item></Col>
          <Col span={6}><Form.Item name="orgType" label={L('orgType')} required><Select options={options(ORG_TYPES)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="settingMode" label={L('settingMode')}><Select options={options(SETTING_MODES)} /></Form.Item></Col>
          {mode === 'paired' && <Col span={6}><Form.Item name="pairingRatio" label={L('pairingRatio')} required><Select options={options(PAIRING_RATIOS)} /></Form.Item></Col>}
          {mode === 'alliance' && <Col span={6}><Form.Item name="allianceSector" label={L('allianceSector')} required><Select options={options(ALLIANCE_SECTORS)} /></Form.Item></Col>}
          <Col span={9}><Form.Item name="unitId" label={L('unitId')} required><UnitSelect units={props.units} /></Form.Item></Col>
          <Col span={9}>
            <Form.Item name="parentOrgId" label={L('parentOrgId')}>
              <Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).filter((o) => o.id !== existing?.id).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item name="termStart" label={L('termStart')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="termEnd" label={L('termEnd')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="outletIds" label={L('outletIds')}><OutletSelect multiple initialLabels={outletLabels} /></Form.Item></Col>
        </Row>
        {existing && (
          <>
            <Form.List name="committee">
              {(fields, { add, remove }) => (
                <Form.Item label={`${L('committee')}（${existing.fullMemberCount}${lang === 'zh' ? '名正式党员' : ' full members'}）`}>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}><Select style={{ width: 130 }} options={options(COMMITTEE_ROLES)} /></Form.Item>
                      <Form.Item name={[f.name, 'personId']} rules={[{ required: true }]}><Select style={{ width: 200 }} showSearch optionFilterProp="label" options={memberOptions} /></Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>{L('committee')}</Button>
                </Form.Item>
              )}
            </Form.List>
            <Form.Item label={t('org.groups')}>
              <Table size="small" rowKey="id" pagination={false} dataSource={existing.groups}
                columns={[{ title: L('name'), dataIndex: 'name' }, { title: L('kind'), dataIndex: 'kind', render: (v: string) => label(GROUP_KINDS, v) }, { title: t('org.members'), dataIndex: 'memberCount' }]} />
              <Space style={{ marginTop: 8 }}>
                <Input value={groupName} onChange={(e) => setGroupName(e.target.value)} placeholder={L('name')} maxLength={60} />
                <Button onClick={addGroup}>{t('org.newGroup')}</Button>
              </Space>
            </Form.Item>
          </>
        )}
      </Form>
      <HistoryPanel tbl="party_orgs" rowId={existing?.id} />
    </Modal>
  );
}
