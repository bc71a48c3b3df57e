// Duty compliance per instructor (seed 000): monthly visits to each contact point, a lecture and
// talks each half-year, a campaign each year, with the light and why. The light, 漏访 and the
// reasons are shown exactly as shared/orglife/dutyVerdict.ts computed them together.
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useState } from 'react';
import { DUTY_KINDS, type ContactPointDuty, type DutyReason, type InstructorDuty } from '../../../../shared/orglife/duties.js';
import { parsePeriodKey, periodLabel, type PeriodUnit } from '../../../../shared/orglife/periods.js';
import type { PeriodStatus } from '../../../../shared/orglife/compliance.js';
import { UnitSelect } from '../../../components/UnitSelect';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { DUTY_KIND_LABEL, DUTY_LIGHT, OBLIGATION_STATUS, STATUS_COLOR } from '../activities/labels';
import { LightLegend } from '../activities/LightLegend';
import { LightDot } from '../../../components/LightDot';
import { PeriodPicker, periodFor } from '../../../components/PeriodPicker';

function Reasons({ reasons }: { reasons: DutyReason[] }) {
  const { lang } = useT();
  return (
    <Space orientation="vertical" size={0} data-testid="duty-reasons">
      {reasons.map((r) => (
        <Typography.Text key={r.rule} type={r.light === 'red' ? 'danger' : 'warning'}>{r.text[lang]}</Typography.Text>
      ))}
    </Space>
  );
}

function Statuses({ periods }: { periods: PeriodStatus[] }) {
  const { label, lang } = useT();
  return (
    <Space size={[4, 4]} wrap>
      {periods.map((p) => (
        <Tag key={p.key} color={STATUS_COLOR[p.status]}>{periodLabel(parsePeriodKey(p.key)!, lang)}：{label(OBLIGATION_STATUS, p.status)}</Tag>
      ))}
    </Space>
  );
}

export function DutyPanel() {
  const { t, label, lang } = useT();
  const [unit, setUnit] = useState<PeriodUnit>('half');
  const [day, setDay] = useState<Dayjs>(() => dayjs(todayInBeijing()));
  const [unitId, setUnitId] = useState<string | undefined>();
  const units = useApi('orgUnits.list', {});
  const p = periodFor(unit, day);
  const report = useApi('orgLife.duties', { unitId, from: p.start, to: p.end });
  return (
    <Card
      size="small"
      title={<Space wrap><PeriodPicker unit={unit} day={day} onChange={(u, d) => (setUnit(u), setDay(d))} units={['month', 'quarter', 'half', 'year']} />
        <UnitSelect units={units.data ?? []} allowClear placeholder={t('act.allUnits')} style={{ width: 200 }} value={unitId} onChange={setUnitId} /></Space>}
      extra={<Typography.Text type="secondary">{t('act.asOf', { day: report.data?.asOf ?? '' })}</Typography.Text>}
    >
      {report.error && <Alert type="error" showIcon message={errorText(report.error, lang)} />}
      <LightLegend table={DUTY_LIGHT} testId="duty-legend" />
      <Table<InstructorDuty>
        size="small"
        rowKey="instructorId"
        loading={report.loading}
        dataSource={report.data?.instructors ?? []}
        locale={{ emptyText: t('ins.none') }}
        pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{
          rowExpandable: (d) => d.contactPoints.length > 0,
          expandedRowRender: (d) => (
            <Table<ContactPointDuty>
              size="small" rowKey="outletId" pagination={false} dataSource={d.contactPoints}
              columns={[
                { title: t('ins.contactPoint'), dataIndex: 'outletName', width: 220 },
                { title: t('ins.visits'), render: (_: unknown, c) => <Statuses periods={c.periods} /> },
              ]}
            />
          ),
        }}
        columns={[
          { title: '', dataIndex: 'light', width: 36, render: (l) => <LightDot light={l} /> },
          { title: t('ins.name'), dataIndex: 'name', width: 110 },
          { title: t('ins.contactPoints'), width: 90, render: (_: unknown, d) => d.contactPoints.length },
          { title: t('ins.missedVisits'), dataIndex: 'missedVisits', width: 90, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
          ...DUTY_KINDS.map((k) => ({ title: label(DUTY_KIND_LABEL, k), render: (_: unknown, d: InstructorDuty) => <Statuses periods={d.duties[k]} /> })),
          { title: t('ins.why'), width: 300, render: (_: unknown, d) => <Reasons reasons={d.reasons} /> },
        ]}
      />
    </Card>
  );
}
