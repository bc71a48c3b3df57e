// Cadence compliance per branch and group for a chosen period: what each owed, what it held, and
// the light; a pairing agreement's joint meetings as a row of their lead organisation. An open
// obligation can be recorded from here.
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useEffect, useState } from 'react';
import type { ComplianceRow, OrgComplianceSummary } from '../../../../shared/orglife/compliance.js';
import { ACTIVITY_TYPES } from '../../../../shared/domain/enums.js';
import { ORGLIFE_DEFAULTS } from '../../../../shared/orglife/settings.js';
import { parsePeriodKey, periodLabel, type PeriodUnit } from '../../../../shared/orglife/periods.js';
import { UnitSelect } from '../../../components/UnitSelect';
import { errorText } from '../../../components/formErrors';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ActivityForm } from './ActivityForm';
import type { Preset } from './formModel';
import { COMPLIANCE_LIGHT, OBLIGATION_STATUS, STATUS_COLOR } from './labels';
import { LightLegend } from './LightLegend';
import { LightDot } from '../../../components/LightDot';
import { PeriodPicker, periodFor } from '../../../components/PeriodPicker';

export function CompliancePanel() {
  const { t, label, lang } = useT();
  const [unit, setUnit] = useState<PeriodUnit>('month');
  const [day, setDay] = useState<Dayjs>(() => dayjs(todayInBeijing()));
  const [unitId, setUnitId] = useState<string | undefined>();
  const [preset, setPreset] = useState<Preset | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const units = useApi('orgUnits.list', {});
  const p = periodFor(unit, day);
  const report = useApi('orgLife.compliance', { unitId, from: p.start, to: p.end });
  const w = useApi('orgLife.settings', {}).data?.warning ?? ORGLIFE_DEFAULTS.warning;
  const reminder = { day: w.monthlyYellowAfterDay, q: w.yellowLastMonths.quarter, h: w.yellowLastMonths.half, y: w.yellowLastMonths.year };
  const rowsOf = (orgId: string) => (report.data?.rows ?? []).filter((r) => r.orgId === orgId);
  useEffect(() => {
    // A handful of organisations are shown opened; a county's list starts folded.
    const orgs = report.data?.orgs ?? [];
    setExpanded(orgs.length <= 5 ? orgs.map((o) => o.orgId) : []);
  }, [report.data]);

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <PeriodPicker unit={unit} day={day} onChange={(u, d) => (setUnit(u), setDay(d))} />
          <UnitSelect units={units.data ?? []} allowClear placeholder={t('act.allUnits')} style={{ width: 200 }} value={unitId} onChange={setUnitId} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('act.asOf', { day: report.data?.asOf ?? '' })}</Typography.Text>}
    >
      {report.error && <Alert type="error" showIcon message={errorText(report.error, lang)} />}
      <LightLegend table={COMPLIANCE_LIGHT} vars={reminder} testId="compliance-legend" />
      <Table<OrgComplianceSummary>
        size="small"
        rowKey="orgId"
        loading={report.loading}
        dataSource={report.data?.orgs ?? []}
        locale={{ emptyText: t('act.noCadenceOrgs') }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: (o) => (
            <Table<ComplianceRow>
              size="small"
              rowKey={(r) => `${r.type}|${r.groupId ?? ''}|${r.pairing?.id ?? ''}`}
              pagination={false}
              dataSource={rowsOf(o.orgId)}
              columns={[
                { title: t('act.obligation'), width: 200, render: (_: unknown, r) => <Space size={4}><LightDot light={r.light} />{label(ACTIVITY_TYPES, r.type)}{(r.groupName ?? r.pairing?.title) && <Typography.Text type="secondary">（{r.groupName ?? r.pairing?.title}）</Typography.Text>}</Space> },
                {
                  title: t('act.periods'),
                  render: (_: unknown, r) => (
                    <Space size={[4, 4]} wrap>
                      {r.periods.map((x) => (
                        <Tag key={x.key} color={STATUS_COLOR[x.status]} data-testid={`status-${r.type}-${x.key}${r.pairing ? `-${r.pairing.id}` : ''}`}>
                          {periodLabel(parsePeriodKey(x.key)!, lang)}：{label(OBLIGATION_STATUS, x.status)}{x.held > 1 ? ` ×${x.held}` : ''}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: '', width: 90,
                  render: (_: unknown, r) =>
                    r.periods.some((x) => x.status === 'due' || x.status === 'warning' || x.status === 'missed') ? (
                      <Button size="small" type="link" onClick={() => setPreset({ type: r.type, orgId: r.orgId, ...(r.groupId ? { groupId: r.groupId } : {}) })}>{t('act.record')}</Button>
                    ) : null,
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '', dataIndex: 'light', width: 36, render: (l) => <LightDot light={l} /> },
          { title: t('act.org'), dataIndex: 'orgName' },
          { title: t('act.doneOfDue'), width: 120, render: (_: unknown, o) => `${o.done}/${o.elapsed}` },
          { title: t('act.missedCount'), dataIndex: 'missed', width: 100, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
        ]}
      />
      <ActivityForm open={!!preset} preset={preset ?? undefined} onClose={(saved) => {
        setPreset(null);
        if (saved) void report.reload();
      }} />
    </Card>
  );
}
