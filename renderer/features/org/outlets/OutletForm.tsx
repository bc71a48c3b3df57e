import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { OrgUnit, Outlet } from '../../../../shared/org/types.js';
import { CHANNEL_TYPES } from '../../../../shared/domain/enums.js';
import { outletInput } from '../../../../shared/org/schemas/outlet.js';
import { reportOnForm, saveChecked } from '../../../components/formErrors';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { FIELD_LABELS } from '../../../../shared/core/fieldLabels.js';
import { HistoryPanel } from '../../history';

const FIELDS = new Set(['code', 'name', 'channelType', 'countyId', 'gridId', 'address', 'staffCount', 'coverageOrgId', 'instructorId', 'isContactPoint', 'openedOn', 'closedOn']);
const day = (v?: string | null) => (v ? dayjs(v) : undefined);

export function OutletForm(props: { open: boolean; outlet?: Outlet; units: OrgUnit[]; onClose(saved?: Outlet): void }) {
  const { t, options, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const countyId = Form.useWatch('countyId', form) as string | undefined;
  const orgs = useApi('partyOrgs.list', props.open ? {} : null);
  const instructors = useApi('instructors.list', props.open ? {} : null);
  const grids = useMemo(() => props.units.filter((u) => u.level === 'grid' && u.parentId === countyId), [props.units, countyId]);
  const L = (k: string) => FIELD_LABELS[k]![lang];

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    const o = props.outlet;
    if (o) form.setFieldsValue({ ...o, openedOn: day(o.openedOn), closedOn: day(o.closedOn) });
    else form.setFieldsValue({ channelType: 'social_partner', staffCount: 1, isContactPoint: false });
  }, [props.open, props.outlet, form]);

  const submit = async () => {
    const v = form.getFieldsValue();
    const input = {
      ...(props.outlet ? { id: props.outlet.id } : {}),
      code: v.code ?? '', name: v.name ?? '', channelType: v.channelType, countyId: v.countyId, gridId: v.gridId ?? null,
      address: v.address ?? null, staffCount: v.staffCount ?? 0, coverageOrgId: v.coverageOrgId ?? null, instructorId: v.instructorId ?? null,
      isContactPoint: !!v.isContactPoint, openedOn: v.openedOn ? v.openedOn.format('YYYY-MM-DD') : null,
      closedOn: v.closedOn ? v.closedOn.format('YYYY-MM-DD') : null,
    };
    const saved = await saveChecked({ schema: outletInput, name: 'outlets.save', input, report: reportOnForm(form, FIELDS, lang, message) });
    if (!saved) return;
    message.success(t('common.saved'));
    props.onClose(saved);
  };

  return (
    <Modal
      open={props.open}
      title={props.outlet ? `${t('common.edit')} · ${props.outlet.name}` : t('outlets.new')}
      width={760}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="code" label={L('code')} required><Input maxLength={40} /></Form.Item></Col>
          <Col span={16}><Form.Item name="name" label={lang === 'zh' ? '网点名称' : 'Outlet name'} required><Input maxLength={80} /></Form.Item></Col>
          <Col span={8}><Form.Item name="channelType" label={L('channelType')} required><Select options={options(CHANNEL_TYPES)} /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="countyId" label={L('countyId')} required>
              <UnitSelect units={props.units} levels={['county']} onChange={() => form.setFieldValue('gridId', undefined)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gridId" label={L('gridId')}>
              <Select allowClear options={grids.map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
          </Col>
          <Col span={16}><Form.Item name="address" label={L('address')}><Input maxLength={200} /></Form.Item></Col>
          <Col span={8}><Form.Item name="staffCount" label={L('staffCount')}><InputNumber min={0} max={10000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="coverageOrgId" label={L('coverageOrgId')}>
              <Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="instructorId" label={L('instructorId')}>
              <Select allowClear showSearch optionFilterProp="label" options={(instructors.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.unitName}）` }))} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="openedOn" label={L('openedOn')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="closedOn" label={L('closedOn')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="isContactPoint" label={L('isContactPoint')} valuePropName="checked"><Checkbox>{t('common.yes')}</Checkbox></Form.Item></Col>
        </Row>
      </Form>
      <HistoryPanel tbl="outlets" rowId={props.outlet?.id} />
    </Modal>
  );
}
