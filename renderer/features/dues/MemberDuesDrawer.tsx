// One member's dues: base history, the months owed, the payment form (county organisers) and the
// append-only ledger. Amounts show only when the backend sends them.
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { DUES_CATEGORIES, DUES_CATEGORY_KEYS, PAY_METHODS, type DuesCategory, type PayMethod } from '../../../shared/dues/rules.js';
import type { PaymentView } from '../../../shared/dues/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

interface PayValues { months?: string[]; paidOn?: Dayjs; collector?: string; method?: PayMethod }
interface BaseValues { fromMonth?: Dayjs; category?: DuesCategory; base?: number | null }

export function MemberDuesDrawer(props: { personId: string; name: string; mayRecord: boolean; onClose(): void; onChanged(): Promise<void> }) {
  const { t, lang, label, options } = useT();
  const { message } = App.useApp();
  const m = useApi('dues.member', { personId: props.personId });
  const [pay] = Form.useForm<PayValues>();
  const [base] = Form.useForm<BaseValues>();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      await m.reload();
      await props.onChanged();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const submitPay = () => {
    const v = pay.getFieldsValue();
    const months = v.months ?? [];
    return run(async () => {
      await call('dues.pay', { personId: props.personId, months, paidOn: (v.paidOn ?? dayjs(todayInBeijing())).format('YYYY-MM-DD'), collector: v.collector ?? '', method: v.method ?? 'cash' });
      pay.setFieldsValue({ months: [] });
    }, t('dues.pay.saved', { n: months.length }));
  };
  const submitBase = () => {
    const v = base.getFieldsValue();
    const fromMonth = (v.fromMonth ?? dayjs(todayInBeijing())).format('YYYY-MM');
    return run(() => call('dues.setBase', { personId: props.personId, fromMonth, category: v.category ?? 'wage', base: v.base ?? null }), t('dues.base.saved', { month: fromMonth }));
  };
  const d = m.data;
  return (
    <Drawer open width={720} title={t('dues.drawer', { name: props.name })} onClose={props.onClose} destroyOnHidden>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('dues.start')}>{d.row.start ?? <Tag color="orange">{t('dues.noBase')}</Tag>}{d.row.probationary && <Tag style={{ marginLeft: 6 }}>{t('dues.probationary')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('dues.col.owedAmount')}>{d.row.owed ?? (d.row.start ? <Tag>{t('dues.hidden')}</Tag> : '—')}</Descriptions.Item>
            <Descriptions.Item label={t('dues.owedMonths')} span={2}>
              <span data-testid="owed-months">{d.row.owedMonths.length ? d.row.owedMonths.map((x) => <Tag color="red" key={x}>{x}</Tag>) : <Tag color="green">{t('dues.none')}</Tag>}</span>
            </Descriptions.Item>
          </Descriptions>
          {!props.mayRecord && <Alert type="info" showIcon message={t('dues.readOnly')} />}
          {props.mayRecord && d.row.start && (
            <Form form={pay} name="duesPay" layout="inline" initialValues={{ paidOn: dayjs(todayInBeijing()), method: 'cash', months: d.row.owedMonths }}>
              <Form.Item name="months" label={t('dues.pay.months')}>
                <Select mode="multiple" style={{ minWidth: 260 }} options={d.payable.map((x) => ({ value: x, label: x }))} />
              </Form.Item>
              <Form.Item name="paidOn" label={t('dues.pay.paidOn')}><DatePicker allowClear={false} /></Form.Item>
              <Form.Item name="collector" label={t('dues.pay.collector')}><Input style={{ width: 110 }} maxLength={40} /></Form.Item>
              <Form.Item name="method" label={t('dues.pay.method')}><Select style={{ width: 110 }} options={options(PAY_METHODS)} /></Form.Item>
              <Button type="primary" loading={busy} onClick={submitPay}>{t('dues.pay.save')}</Button>
            </Form>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>{t('dues.bases')}</Typography.Title>
          <Table
            size="small" rowKey="fromMonth" pagination={false} dataSource={d.bases}
            columns={[
              { title: t('dues.base.from'), dataIndex: 'fromMonth', width: 100 },
              { title: t('dues.base.category'), dataIndex: 'category', render: (c: DuesCategory) => label(DUES_CATEGORIES, c) },
              { title: t('dues.base.amount'), dataIndex: 'base', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: t('dues.base.monthly'), dataIndex: 'monthly', align: 'right', render: (v: string | null) => v ?? <Tag>{t('dues.hidden')}</Tag> },
            ]}
          />
          {props.mayRecord && (
            <Form form={base} name="duesBase" layout="inline" initialValues={{ fromMonth: dayjs(todayInBeijing()), category: 'wage' }}>
              <Form.Item name="fromMonth" label={t('dues.base.from')}><DatePicker picker="month" allowClear={false} /></Form.Item>
              <Form.Item name="category" label={t('dues.base.category')}>
                <Select style={{ width: 150 }} options={DUES_CATEGORY_KEYS.map((k) => ({ value: k, label: label(DUES_CATEGORIES, k) }))} />
              </Form.Item>
              <Form.Item name="base" label={t('dues.base.amount')}><InputNumber min={0} step={100} style={{ width: 120 }} /></Form.Item>
              <Button loading={busy} onClick={submitBase}>{t('dues.base.save')}</Button>
            </Form>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>{t('dues.ledger')}</Typography.Title>
          <Table<PaymentView>
            size="small" rowKey="id" dataSource={d.payments} pagination={{ pageSize: 12, hideOnSinglePage: true }}
            columns={[
              { title: t('dues.ledger.month'), dataIndex: 'month', width: 100 },
              { title: t('dues.ledger.amount'), dataIndex: 'amount', align: 'right', render: (v: string | null) => v ?? <Tag>{t('dues.hidden')}</Tag> },
              { title: t('dues.ledger.paidOn'), dataIndex: 'paidOn' },
              { title: t('dues.ledger.collector'), dataIndex: 'collector' },
              { title: t('dues.ledger.method'), dataIndex: 'method', render: (x: PayMethod) => label(PAY_METHODS, x) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
