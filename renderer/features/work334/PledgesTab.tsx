// 承诺践诺: a year's pledges under the scope; record one, and review each at year end.
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { PLEDGE_OUTCOME_KEYS, type PledgeOutcome } from '../../../shared/teams/rules.js';
import type { PledgeRow } from '../../../shared/teams/types.js';
import { ApiCallError, call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText, reportOnForm } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { OUTCOME_COLOUR, OUTCOMES_L } from './labels';
import { PersonPick } from './PersonPick';

interface NewValues { personId: string; pledge: string; pledgedOn: dayjs.Dayjs; evidence?: string }
interface ReviewValues { outcome: PledgeOutcome; evidence?: string; note?: string }

export function PledgesTab(props: { canWrite: boolean; canReview: boolean }) {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(todayInBeijing().slice(0, 4)));
  const [outcome, setOutcome] = useState<PledgeOutcome | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<PledgeRow | null>(null);
  const [addForm] = Form.useForm<NewValues>();
  const [reviewForm] = Form.useForm<ReviewValues>();
  const list = useApi('pledges.list', { year, ...(outcome ? { outcome } : {}), limit: 12, offset: (page - 1) * 12 });
  const today = todayInBeijing();
  const save = async (v: NewValues) => {
    try {
      await call('pledges.save', { personId: v.personId, year, pledge: v.pledge, pledgedOn: v.pledgedOn.format('YYYY-MM-DD'), evidence: v.evidence ?? null });
      message.success(t('w3.saved'));
      setAdding(false);
      void list.reload();
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(addForm, new Set(['personId', 'pledge', 'pledgedOn', 'evidence']), lang, message)(e.body);
    }
  };
  const review = async (v: ReviewValues) => {
    if (!reviewing) return;
    try {
      await call('pledges.review', { id: reviewing.id, outcome: v.outcome, evidence: v.evidence ?? null, note: v.note ?? null });
      message.success(t('w3.saved'));
      setReviewing(null);
      void list.reload();
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(reviewForm, new Set(['outcome', 'evidence', 'note']), lang, message)(e.body);
    }
  };
  const exportIt = async () => {
    try {
      const f = await call('teams.export', { list: 'pledges', year });
      downloadFile(f);
      message.success(t('w3.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('w3.year')} min={2000} max={2100} value={year} onChange={(v) => v && (setYear(v), setPage(1))} style={{ width: 90 }} />
        <Select<PledgeOutcome> allowClear placeholder={t('w3.allOutcomes')} aria-label={t('w3.outcome')} style={{ width: 140 }} value={outcome} onChange={(o) => { setOutcome(o); setPage(1); }}
          options={PLEDGE_OUTCOME_KEYS.map((k) => ({ value: k, label: label(OUTCOMES_L, k) }))} />
        {props.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => { addForm.resetFields(); setAdding(true); }}>{t('w3.newPledge')}</Button>}
        <Button icon={<DownloadOutlined />} onClick={exportIt}>{t('w3.export')}</Button>
      </Space>
      <Table<PledgeRow> size="small" rowKey="id" loading={list.loading && !list.data} dataSource={list.data?.rows ?? []} data-testid="w3-pledges"
        pagination={{ current: page, pageSize: 12, total: list.data?.total ?? 0, size: 'small', onChange: setPage }}
        columns={[
          { title: t('w3.member'), dataIndex: 'personName', width: 90 },
          { title: t('w3.org'), dataIndex: 'orgName', width: 170, ellipsis: true },
          { title: t('w3.pledge'), dataIndex: 'pledge', ellipsis: true },
          { title: t('w3.pledgedOn'), dataIndex: 'pledgedOn', width: 100 },
          { title: t('w3.evidence'), dataIndex: 'evidence', width: 180, ellipsis: true },
          { title: t('w3.outcome'), dataIndex: 'outcome', width: 96, render: (o: PledgeOutcome, r) => <Tooltip title={r.reviewNote}><Tag color={OUTCOME_COLOUR[o]}>{label(OUTCOMES_L, o)}</Tag></Tooltip> },
          { title: t('w3.reviewedBy'), dataIndex: 'reviewedBy', width: 90 },
          {
            title: '', key: 'act', width: 130,
            render: (_: unknown, r) => props.canReview && r.outcome === 'pending' && (today >= r.reviewOpensOn
              ? <Button size="small" onClick={() => { reviewForm.setFieldsValue({ outcome: 'kept', evidence: r.evidence ?? '', note: '' }); setReviewing(r); }}>{t('w3.review')}</Button>
              : <Tag>{t('w3.reviewFrom', { date: r.reviewOpensOn })}</Tag>),
          },
        ]} />
      <Modal open={adding} title={t('w3.newPledge')} onOk={() => addForm.submit()} onCancel={() => setAdding(false)} data-testid="w3-pledge-form">
        <Form<NewValues> form={addForm} layout="vertical" onFinish={save} initialValues={{ pledgedOn: dayjs(today) }}>
          <Form.Item name="personId" label={t('w3.member')} rules={[{ required: true }]}><PersonPick /></Form.Item>
          <Form.Item name="pledge" label={t('w3.pledge')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="pledgedOn" label={t('w3.pledgedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="evidence" label={t('w3.evidence')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!reviewing} title={`${t('w3.review')}：${reviewing?.personName ?? ''}`} onOk={() => reviewForm.submit()} onCancel={() => setReviewing(null)} data-testid="w3-review">
        <Form<ReviewValues> form={reviewForm} layout="vertical" onFinish={review}>
          <Form.Item label={t('w3.pledge')}><Input.TextArea value={reviewing?.pledge} disabled rows={2} /></Form.Item>
          <Form.Item name="outcome" label={t('w3.outcome')} rules={[{ required: true }]}>
            <Radio.Group options={PLEDGE_OUTCOME_KEYS.filter((k) => k !== 'pending').map((k) => ({ value: k, label: label(OUTCOMES_L, k) }))} />
          </Form.Item>
          <Form.Item name="evidence" label={t('w3.evidence')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="note" label={t('w3.reviewNote')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
