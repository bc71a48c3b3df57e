// 民主评议: a branch's yearly review — grade each full member (probationary members are not graded),
// 优秀 capped at a third (the backend refuses more, in both languages), the meeting it was held in,
// the summary, closing, and the printable report. Roles that may not see negative outcomes see
// 优秀 only; every other grade reads 不公开.
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { REVIEW_GRADES, REVIEW_GRADE_KEYS, type ReviewGrade } from '../../../shared/evaluation/rules.js';
import type { ReviewMember } from '../../../shared/evaluation/types.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { ReviewReport } from './ReviewReport';

export function ReviewTab() {
  const { t, lang, label } = useT();
  const { message } = App.useApp();
  const thisYear = +todayInBeijing().slice(0, 4);
  const branches = useApi('points.branches', {});
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState(thisYear);
  const [grades, setGrades] = useState<Record<string, ReviewGrade>>({});
  const [activityId, setActivityId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [report, setReport] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!orgId && branches.data?.length) setOrgId(branches.data[0]!.id);
  }, [branches.data, orgId]);
  const v = useApi('evaluation.get', orgId ? { orgId, year } : null);
  useEffect(() => {
    setGrades({});
    setActivityId(v.data?.activity?.id ?? null);
    setSummary(v.data?.summary ?? '');
  }, [v.data]);
  if (!orgId) return <Empty description={branches.loading ? null : t('rv.noBranch')} />;
  const d = v.data;
  const editable = !!d && d.mayGrade && d.status !== 'closed';
  const gradeOf = (m: ReviewMember) => grades[m.personId] ?? m.grade;
  const excellent = d ? d.members.filter((m) => gradeOf(m) === 'excellent').length : 0;
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
      await v.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const save = () => act(() => call('evaluation.save', { orgId, year, activityId, summary, grades: Object.entries(grades).map(([personId, grade]) => ({ personId, grade })) }), t('rv.saved'));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Select aria-label={t('rv.branch')} style={{ width: 260 }} showSearch optionFilterProp="label" value={orgId} onChange={setOrgId}
            options={(branches.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.unitName}）` }))} />
          <Select aria-label={t('rv.year')} style={{ width: 100 }} value={year} onChange={setYear} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))} />
          {d && <Tag color={d.status === 'closed' ? 'default' : d.status === 'open' ? 'blue' : 'orange'}>{t(`rv.status.${d.status}`)}</Tag>}
          {d && <Tag data-testid="excellent-cap" color={excellent > d.cap ? 'red' : 'green'}>{t('rv.cap', { n: excellent, cap: d.cap, eligible: d.eligible })}</Tag>}
        </Space>
      }
      extra={d && <Button onClick={() => setReport(true)}>{t('rv.report')}</Button>}
    >
      {d && !d.seesAll && <Alert style={{ marginBottom: 8 }} type="info" showIcon message={t('rv.readOnly')} />}
      <Table<ReviewMember>
        rowKey="personId" size="small" pagination={false} loading={v.loading} dataSource={d?.members ?? []}
        columns={[
          { title: t('rv.col.name'), dataIndex: 'name', width: 140 },
          {
            title: t('rv.col.grade'), key: 'grade', width: 220,
            render: (_: unknown, m) => {
              if (m.probationary) return <Tag>{t('rv.notGraded')}</Tag>;
              const g = gradeOf(m);
              if (!editable) return g === '*' ? <Tag>{t('rv.hiddenGrade')}</Tag> : g ? label(REVIEW_GRADES, g) : '—';
              return (
                <Select<ReviewGrade> aria-label={`${t('rv.col.grade')} ${m.name}`} style={{ width: 160 }} value={g === '*' || g === null ? undefined : g}
                  onChange={(x) => setGrades((s) => ({ ...s, [m.personId]: x }))}
                  options={REVIEW_GRADE_KEYS.map((k) => ({ value: k, label: label(REVIEW_GRADES, k) }))} />
              );
            },
          },
          { title: t('rv.col.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
      {d && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Space wrap>
            <span>{t('rv.meeting')}</span>
            <Select aria-label={t('rv.meeting')} style={{ width: 420 }} placeholder={t('rv.meetingPick')} disabled={!editable} allowClear value={activityId ?? undefined}
              onChange={(x) => setActivityId(x ?? null)} options={d.meetings.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.title}` }))} />
          </Space>
          <Input.TextArea aria-label={t('rv.summary')} placeholder={t('rv.summary')} rows={3} maxLength={4000} disabled={!editable} value={summary} onChange={(e) => setSummary(e.target.value)} />
          {editable && (
            <Space>
              <Button type="primary" loading={busy} onClick={save}>{t('rv.save')}</Button>
              <Popconfirm title={t('rv.closeConfirm')} onConfirm={() => act(() => call('evaluation.close', { orgId, year }), t('rv.closed'))}>
                <Button loading={busy} disabled={d.status !== 'open'}>{t('rv.close')}</Button>
              </Popconfirm>
            </Space>
          )}
        </Space>
      )}
      {d && report && <ReviewReport view={d} onClose={() => setReport(false)} />}
    </Card>
  );
}
