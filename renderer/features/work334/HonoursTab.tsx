// 荣誉与约谈: honours proposed on the assessment they rest on and decided by someone else, and the
// accountability records 约谈提醒 / 限期整改 (county organisers and HQ administrators only: outcomes are sensitive).
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { ACCOUNT_KIND_KEYS, ACCOUNT_KINDS, HONOUR_STATUSES, OUTCOMES, type AccountKind, type HonourStatus } from '../../../shared/honours/rules.js';
import type { AccountRow, HonourRow } from '../../../shared/honours/types.js';
import { ApiCallError, call } from '../../api/client';
import { errorText, reportOnForm } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { SubjectPick, type SubjectKind } from './SubjectPick';

const STATUS_COLOUR: Record<HonourStatus, string> = { proposed: 'processing', approved: 'success', refused: 'default' };
const SUBJECTS: SubjectKind[] = ['org', 'outlet', 'person'];

interface HValues { kind: string; subjectKind: SubjectKind; subjectId: string; basisPeriod: string; basis: string }
interface AValues { kind: AccountKind; subjectKind: SubjectKind; subjectId: string; reason: string; heldOn: dayjs.Dayjs; deadline?: dayjs.Dayjs | null }

export function HonoursTab(props: { canWrite: boolean; maySeeTalks: boolean; me: string }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [hForm] = Form.useForm<HValues>();
  const [aForm] = Form.useForm<AValues>();
  const [proposing, setProposing] = useState(false);
  const [recording, setRecording] = useState(false);
  const honours = useApi('honours.list', { limit: 200 });
  const kinds = useApi('honours.kinds', {});
  const talks = useApi('accountability.list', props.maySeeTalks ? { limit: 200 } : null);
  const hSubject = Form.useWatch('subjectKind', hForm) ?? 'outlet';
  const aSubject = Form.useWatch('subjectKind', aForm) ?? 'org';
  const run = async (f: () => Promise<unknown>, reload: () => Promise<void>) => {
    try {
      await f();
      message.success(t('w3.saved'));
      void reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const propose = async (v: HValues) => {
    try {
      await call('honours.propose', v);
      setProposing(false);
      void honours.reload();
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(hForm, new Set(['kind', 'subjectKind', 'subjectId', 'basisPeriod', 'basis']), lang, message)(e.body);
    }
  };
  const record = async (v: AValues) => {
    try {
      await call('accountability.save', { ...v, heldOn: v.heldOn.format('YYYY-MM-DD'), deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null });
      setRecording(false);
      void talks.reload();
    } catch (e) {
      if (e instanceof ApiCallError) reportOnForm(aForm, new Set(['kind', 'subjectKind', 'subjectId', 'reason', 'heldOn', 'deadline']), lang, message)(e.body);
    }
  };
  const outcome = (r: AccountRow, o: 'improved' | 'not_improved') => {
    let note = '';
    Modal.confirm({
      title: `${t('w3.recordOutcome')}：${OUTCOMES[o][lang]}`, content: <Input.TextArea rows={3} aria-label={t('w3.outcomeNote')} onChange={(e) => (note = e.target.value)} />,
      onOk: () => run(() => call('accountability.outcome', { id: r.id, outcome: o, note }), talks.reload),
    });
  };
  const subjectOptions = SUBJECTS.map((k) => ({ value: k, label: t(`w3.subject.${k}`) }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('w3.honours')}</Typography.Title>
        {props.canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => { hForm.resetFields(); setProposing(true); }}>{t('w3.propose')}</Button>}
      </Space>
      <Table<HonourRow> size="small" rowKey="id" dataSource={honours.data?.rows ?? []} data-testid="w3-honours" pagination={{ pageSize: 8, size: 'small' }} columns={[
        { title: t('w3.honour'), key: 'k', width: 150, render: (_: unknown, r) => r.kindLabel[lang] },
        { title: t('w3.subject'), dataIndex: 'subjectName', width: 180, ellipsis: true },
        { title: t('w3.basisPeriodShort'), dataIndex: 'basisPeriod', width: 90 },
        { title: t('w3.basis'), dataIndex: 'basis', ellipsis: true },
        { title: t('w3.proposedBy'), dataIndex: 'proposedBy', width: 100 },
        { title: t('w3.state'), dataIndex: 'status', width: 90, render: (s: HonourStatus) => <Tag color={STATUS_COLOUR[s]}>{HONOUR_STATUSES[s][lang]}</Tag> },
        {
          title: '', key: 'act', width: 150, render: (_: unknown, r) => props.canWrite && r.status === 'proposed' && r.proposedBy !== props.me && (
            <Space size={4}>
              <Button size="small" type="primary" onClick={() => run(() => call('honours.decide', { id: r.id, approve: true }), honours.reload)}>{t('w3.approve')}</Button>
              <Button size="small" onClick={() => run(() => call('honours.decide', { id: r.id, approve: false }), honours.reload)}>{t('w3.refuse')}</Button>
            </Space>
          ),
        },
      ]} />
      {props.maySeeTalks && (
        <>
          <Space style={{ margin: '16px 0 12px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('w3.accountability')}</Typography.Title>
            {props.canWrite && <Button icon={<PlusOutlined />} onClick={() => { aForm.resetFields(); setRecording(true); }}>{t('w3.newAccount')}</Button>}
          </Space>
          <Table<AccountRow> size="small" rowKey="id" dataSource={talks.data?.rows ?? []} data-testid="w3-talks" pagination={{ pageSize: 8, size: 'small' }} columns={[
            { title: t('w3.accountKind'), dataIndex: 'kind', width: 100, render: (k: AccountKind) => ACCOUNT_KINDS[k][lang] },
            { title: t('w3.subject'), dataIndex: 'subjectName', width: 170, ellipsis: true },
            { title: t('w3.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('w3.accountHeldOn'), dataIndex: 'heldOn', width: 100 },
            { title: t('w3.deadline'), key: 'd', width: 170, render: (_: unknown, r) => <>{r.deadline ?? '—'}{r.overdueDays > 0 && <Typography.Text type="danger"> {t('w3.overdue', { n: r.overdueDays })}</Typography.Text>}</> },
            { title: t('w3.accountOutcome'), dataIndex: 'outcome', width: 110, render: (o: AccountRow['outcome']) => OUTCOMES[o][lang] },
            {
              title: '', key: 'act', width: 190, render: (_: unknown, r) => props.canWrite && r.outcome === 'pending' && (
                <Space size={4}>
                  <Button size="small" onClick={() => outcome(r, 'improved')}>{OUTCOMES.improved[lang]}</Button>
                  <Button size="small" danger onClick={() => outcome(r, 'not_improved')}>{OUTCOMES.not_improved[lang]}</Button>
                </Space>
              ),
            },
          ]} />
        </>
      )}
      <Modal open={proposing} title={t('w3.propose')} onOk={() => hForm.submit()} onCancel={() => setProposing(false)} data-testid="w3-honour-form" destroyOnHidden>
        <Form<HValues> form={hForm} layout="vertical" onFinish={propose} preserve={false} initialValues={{ subjectKind: 'outlet', basisPeriod: todayInBeijing().slice(0, 4) }}>
          <Form.Item name="kind" label={t('w3.honour')} rules={[{ required: true }]}>
            <Select options={Object.entries(kinds.data?.kinds ?? {}).map(([k, v]) => ({ value: k, label: v[lang] }))} />
          </Form.Item>
          <Form.Item name="subjectKind" label={t('w3.subjectKind')}><Radio.Group options={subjectOptions} /></Form.Item>
          <Form.Item name="subjectId" label={t('w3.subject')} rules={[{ required: true }]}><SubjectPick kind={hSubject} /></Form.Item>
          <Form.Item name="basisPeriod" label={t('w3.basisPeriod')} rules={[{ required: true }]}><Input maxLength={7} /></Form.Item>
          <Form.Item name="basis" label={t('w3.basis')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={recording} title={t('w3.newAccount')} onOk={() => aForm.submit()} onCancel={() => setRecording(false)} data-testid="w3-talk-form" destroyOnHidden>
        <Form<AValues> form={aForm} layout="vertical" onFinish={record} preserve={false} initialValues={{ kind: 'talk', subjectKind: 'org', heldOn: dayjs(todayInBeijing()) }}>
          <Form.Item name="kind" label={t('w3.accountKind')}><Radio.Group options={ACCOUNT_KIND_KEYS.map((k) => ({ value: k, label: ACCOUNT_KINDS[k][lang] }))} /></Form.Item>
          <Form.Item name="subjectKind" label={t('w3.subjectKind')}><Radio.Group options={subjectOptions} /></Form.Item>
          <Form.Item name="subjectId" label={t('w3.subject')} rules={[{ required: true }]}><SubjectPick kind={aSubject} /></Form.Item>
          <Form.Item name="reason" label={t('w3.reason')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Space>
            <Form.Item name="heldOn" label={t('w3.accountHeldOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="deadline" label={t('w3.deadline')}><DatePicker /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
