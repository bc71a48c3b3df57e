// 结对共建: the scope's pairing agreements, whether their cadence of joint meetings is kept, a form
// for a new one, and each one's detail with its printable agreement.
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { CADENCE_UNIT_KEYS, CADENCE_UNITS, PAIRING_RATIO_KEYS, PAIRING_RATIOS, type CadenceUnit, type PairingRatio } from '../../../shared/pairing/rules.js';
import type { PairingRow } from '../../../shared/pairing/types.js';
import { ApiCallError, call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText, reportOnForm } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { PairingDrawer } from './PairingDrawer';

interface Values {
  orgId: string; title: string; ratio: PairingRatio; partnerOrgIds?: string[]; outsideNames?: string[]; cadenceUnit: CadenceUnit; cadenceMin: number;
  signedOn: dayjs.Dayjs; startsOn: dayjs.Dayjs; endsOn?: dayjs.Dayjs | null; terms: string;
}
const FIELDS = new Set(['orgId', 'title', 'ratio', 'partnerOrgIds', 'outsideNames', 'cadenceUnit', 'cadenceMin', 'signedOn', 'startsOn', 'endsOn', 'terms']);

export function PairingTab(props: { canWrite: boolean }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [notKeptOnly, setNotKeptOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApi('pairings.list', { ...(notKeptOnly ? { notKeptOnly } : {}), limit: 12, offset: (page - 1) * 12 });
  const orgs = useApi('partyOrgs.list', adding ? {} : null);
  const d = (v: dayjs.Dayjs) => v.format('YYYY-MM-DD');
  const save = async (v: Values) => {
    try {
      await call('pairings.save', {
        orgId: v.orgId, title: v.title, ratio: v.ratio, partnerOrgIds: v.partnerOrgIds ?? [], outsideNames: v.outsideNames ?? [], cadenceUnit: v.cadenceUnit,
        cadenceMin: v.cadenceMin, signedOn: d(v.signedOn), startsOn: d(v.startsOn), endsOn: v.endsOn ? d(v.endsOn) : null, terms: v.terms,
      });
      message.success(t('w3.saved'));
      setAdding(false);
      void list.reload();
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(form, FIELDS, lang, message)(e.body);
    }
  };
  const exportIt = async () => {
    try {
      const f = await call('pairings.export', {});
      downloadFile(f);
      message.success(t('w3.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const today = dayjs(todayInBeijing());
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Space size={6}><Switch size="small" checked={notKeptOnly} onChange={(v) => { setNotKeptOnly(v); setPage(1); }} aria-label={t('w3.notKeptOnly')} /><span>{t('w3.notKeptOnly')}</span></Space>
        {props.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setAdding(true); }}>{t('w3.newPairing')}</Button>}
        <Button icon={<DownloadOutlined />} onClick={exportIt}>{t('w3.export')}</Button>
      </Space>
      <Table<PairingRow> size="small" rowKey="id" loading={list.loading && !list.data} dataSource={list.data?.rows ?? []} data-testid="w3-pairings"
        pagination={{ current: page, pageSize: 12, total: list.data?.total ?? 0, size: 'small', onChange: setPage }}
        columns={[
          { title: t('w3.pairingTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('w3.leadOrg'), dataIndex: 'orgName', width: 170, ellipsis: true },
          { title: t('w3.ratio'), dataIndex: 'ratio', width: 90, render: (r: PairingRatio) => PAIRING_RATIOS[r][lang] },
          { title: t('w3.partners'), key: 'partners', width: 220, ellipsis: true, render: (_: unknown, r) => r.partners.map((x) => x.name).join(lang === 'zh' ? '、' : ', ') },
          { title: t('w3.cadence'), key: 'cad', width: 120, render: (_: unknown, r) => `${CADENCE_UNITS[r.cadenceUnit][lang]} ≥ ${r.cadenceMin}` },
          { title: t('w3.meetings'), dataIndex: 'meetings', width: 80, align: 'right' },
          {
            title: t('w3.state'), dataIndex: 'kept', width: 150,
            render: (k: boolean, r) => (k ? <Tag color="success">{t('w3.kept')}</Tag> : <Tooltip title={r.missed.join(', ')}><Tag color="error">{t('w3.notKept')} {r.missed.slice(-2).join(', ')}</Tag></Tooltip>),
          },
          { title: '', key: 'act', width: 70, render: (_: unknown, r) => <Button size="small" onClick={() => setOpenId(r.id)}>{t('w3.open')}</Button> },
        ]} />
      <Modal open={adding} title={t('w3.newPairing')} onOk={() => form.submit()} onCancel={() => setAdding(false)} width={680} data-testid="w3-pairing-form" destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={save} preserve={false}
          initialValues={{ ratio: 'one_to_one', cadenceUnit: 'month', cadenceMin: 1, signedOn: today, startsOn: today }}>
          <Form.Item name="title" label={t('w3.pairingTitle')} rules={[{ required: true, whitespace: true }]}><Input maxLength={120} /></Form.Item>
          <Form.Item name="orgId" label={t('w3.leadOrg')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="ratio" label={t('w3.ratio')}><Radio.Group options={PAIRING_RATIO_KEYS.map((k) => ({ value: k, label: PAIRING_RATIOS[k][lang] }))} /></Form.Item>
          <Form.Item name="partnerOrgIds" label={t('w3.partnerOrgs')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="outsideNames" label={t('w3.outsideNames')}><Select mode="tags" open={false} /></Form.Item>
          <Space>
            <Form.Item name="cadenceUnit" label={t('w3.cadence')}><Radio.Group options={CADENCE_UNIT_KEYS.map((k) => ({ value: k, label: CADENCE_UNITS[k][lang] }))} /></Form.Item>
            <Form.Item name="cadenceMin" label={t('w3.cadenceMin')}><InputNumber min={1} max={10} /></Form.Item>
          </Space>
          <Space>
            <Form.Item name="signedOn" label={t('w3.signedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="startsOn" label={t('w3.startsOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="endsOn" label={t('w3.endsOn')}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="terms" label={t('w3.terms')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        </Form>
      </Modal>
      <PairingDrawer id={openId} canWrite={props.canWrite} onClose={(changed) => {
        setOpenId(null);
        if (changed) void list.reload();
      }} />
    </>
  );
}
