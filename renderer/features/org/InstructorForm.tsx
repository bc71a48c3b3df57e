import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { Instructor } from '../../../shared/org/types.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { ApiCallError, call } from '../../api/client';
import { applyIssues, errorText } from '../../components/formErrors';
import { useT } from '../../i18n';

export function InstructorForm(props: { open: boolean; unitId?: string; instructor?: Instructor; onClose(saved?: Instructor): void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue(props.instructor ?? { active: true });
  }, [props.open, props.instructor, form]);
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      const saved = await call('instructors.save', {
        ...(props.instructor ? { id: props.instructor.id } : {}),
        name: v.name ?? '', phone: v.phone || null, unitId: props.instructor?.unitId ?? props.unitId!, active: !!v.active,
      });
      message.success(t('common.saved'));
      props.onClose(saved);
    } catch (e) {
      if (e instanceof ApiCallError) applyIssues(form, e.body, lang, new Set(['name', 'phone']));
      message.error(errorText(e, lang));
    }
  };
  const title = lang === 'zh' ? '党建指导员' : 'Instructor';
  return (
    <Modal open={props.open} title={props.instructor ? `${t('common.edit')} · ${props.instructor.name}` : `${t('common.new')}${title}`}
      okText={t('common.save')} cancelText={t('common.cancel')} onOk={submit} onCancel={() => props.onClose()} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={FIELD_LABELS.name![lang]} required><Input maxLength={40} /></Form.Item>
        <Form.Item name="phone" label={FIELD_LABELS.phone![lang]}><Input maxLength={11} /></Form.Item>
        <Form.Item name="active" valuePropName="checked"><Checkbox>{lang === 'zh' ? '在岗' : 'Active'}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
