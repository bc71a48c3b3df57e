// A new 复盘: subject and period, the data comparison loaded from the board and milestones, the
// analysis and cases written, findings sent to the three lists or to training.
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { FINDING_KIND_KEYS, FINDING_KINDS, type FindingKind, type ReviewData } from '../../../shared/reviews/rules.js';
import { ApiCallError, call } from '../../api/client';
import { errorText, reportOnForm } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { Comparison } from './Comparison';
import { PersonPick } from './PersonPick';

interface Values { subjectKind: 'org' | 'unit'; subjectId: string; periodKey: string; analysis: string; cases?: string; findings?: { kind: FindingKind; text: string; ownerPersonId?: string | null }[] }

export function ReviewForm(props: { open: boolean; onClose(saved: boolean): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [data, setData] = useState<ReviewData | null>(null);
  const kind = Form.useWatch('subjectKind', form) ?? 'org';
  const orgs = useApi('partyOrgs.list', props.open ? {} : null);
  const units = useApi('orgUnits.list', props.open ? {} : null);
  const options = kind === 'org' ? (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })) : (units.data ?? []).filter((u) => u.level === 'county' || u.level === 'grid').map((u) => ({ value: u.id, label: u.name }));
  const load = async () => {
    const v = form.getFieldsValue();
    try {
      setData(await call('reviews.prefill', { subjectKind: v.subjectKind, subjectId: v.subjectId, periodKey: v.periodKey }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const save = async (v: Values) => {
    try {
      await call('reviews.save', { subjectKind: v.subjectKind, subjectId: v.subjectId, periodKey: v.periodKey, analysis: v.analysis, cases: v.cases ?? '', findings: (v.findings ?? []).map((f) => ({ ...f, ownerPersonId: f.ownerPersonId ?? null })) });
      message.success(t('w3.saved'));
      setData(null);
      props.onClose(true);
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(form, new Set(['subjectKind', 'subjectId', 'periodKey', 'analysis', 'cases', 'findings']), lang, message)(e.body);
    }
  };
  return (
    <Modal open={props.open} title={t('w3.newReview')} width={860} onOk={() => form.submit()} onCancel={() => { setData(null); props.onClose(false); }} destroyOnHidden data-testid="w3-review-form">
      <Form<Values> form={form} layout="vertical" onFinish={save} preserve={false} initialValues={{ subjectKind: 'org', findings: [] }}>
        <Space align="end" wrap>
          <Form.Item name="subjectKind" label={t('w3.subjectKind')}><Radio.Group options={[{ value: 'org', label: t('w3.subject.org') }, { value: 'unit', label: t('w3.subject.unit') }]} /></Form.Item>
          <Form.Item name="subjectId" label={t('w3.reviewSubject')} rules={[{ required: true }]} style={{ width: 240 }}><Select showSearch optionFilterProp="label" options={options} /></Form.Item>
          <Form.Item name="periodKey" label={t('w3.reviewPeriod')} rules={[{ required: true }]} style={{ width: 250 }}><Input maxLength={7} /></Form.Item>
          <Form.Item><Button onClick={load}>{t('w3.loadData')}</Button></Form.Item>
        </Space>
        {data && <Comparison data={data} />}
        <Form.Item name="analysis" label={t('w3.analysis')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={8000} /></Form.Item>
        <Form.Item name="cases" label={t('w3.cases')}><Input.TextArea rows={2} maxLength={8000} /></Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'kind']} label={t('w3.findingKind')} rules={[{ required: true }]}><Radio.Group options={FINDING_KIND_KEYS.map((k) => ({ value: k, label: FINDING_KINDS[k][lang] }))} /></Form.Item>
                  <Form.Item name={[f.name, 'text']} label={t('w3.finding')} rules={[{ required: true, whitespace: true }]} style={{ width: 330 }}><Input maxLength={500} /></Form.Item>
                  <Form.Item name={[f.name, 'ownerPersonId']} label={t('w3.owner')} style={{ width: 150 }}><PersonPick /></Form.Item>
                  <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'item' })}>{t('w3.addFinding')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
