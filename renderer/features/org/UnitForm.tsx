import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { OrgUnit } from '../../../shared/org/types.js';
import { ORG_UNIT_LEVELS, type OrgUnitLevel } from '../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { ApiCallError, call } from '../../api/client';
import { applyIssues, errorText } from '../../components/formErrors';
import { useT } from '../../i18n';

const CHILD: Record<OrgUnitLevel, OrgUnitLevel | null> = { hq: 'city', city: 'county', county: 'grid', grid: null };

export function childLevel(parent?: OrgUnit): OrgUnitLevel | null {
  return parent ? CHILD[parent.level] : 'hq';
}

export function UnitForm(props: { open: boolean; parent?: OrgUnit; onClose(saved?: OrgUnit): void }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const level = childLevel(props.parent);
  useEffect(() => {
    if (props.open) form.resetFields();
  }, [props.open, form]);
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      const saved = await call('orgUnits.save', { code: (v.code ?? '').trim(), name: v.name ?? '', level: level!, parentId: props.parent?.id ?? null });
      message.success(t('common.saved'));
      props.onClose(saved);
    } catch (e) {
      if (e instanceof ApiCallError) applyIssues(form, e.body, lang, new Set(['code', 'name']));
      message.error(errorText(e, lang));
    }
  };
  return (
    <Modal open={props.open} title={`${t('common.new')}${label(ORG_UNIT_LEVELS, level)}${props.parent ? ` · ${props.parent.name}` : ''}`}
      okText={t('common.save')} cancelText={t('common.cancel')} onOk={submit} onCancel={() => props.onClose()} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="code" label={FIELD_LABELS.code![lang]} required extra={lang === 'zh' ? '小写字母、数字和连字符，如 xa-lintong' : 'lowercase letters, digits, hyphens'}><Input maxLength={40} /></Form.Item>
        <Form.Item name="name" label={FIELD_LABELS.name![lang]} required><Input maxLength={60} /></Form.Item>
      </Form>
    </Modal>
  );
}
