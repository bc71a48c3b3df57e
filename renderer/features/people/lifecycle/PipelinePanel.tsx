import { StopOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInBeijing } from '../../../../shared/core/dates.js';
import { useState } from 'react';
import { RECRUIT_STAGES } from '../../../../shared/domain/enums.js';
import type { PipelineRow } from '../../../../shared/people/types.js';
import { GRADES } from '../../../../shared/points/tally.js';
import { call } from '../../../api/client';
import { errorText } from '../../../components/formErrors';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ExportButton } from '../ExportButton';
import { useFieldLabel, useRegText } from '../text';

const STATE_COLOR = { waiting: 'default', due: 'blue', overdue: 'red' } as const;

/** The recruit pipeline with what is due next; each step checked against the rules when taken. */
export function PipelinePanel() {
  const r = useRegText();
  const F = useFieldLabel();
  const { label, options, lang } = useT();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [stages, setStages] = useState<string[] | undefined>();
  const [dueOnly, setDueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [step, setStep] = useState<{ row: PipelineRow; to: string } | null>(null);
  const units = useApi('orgUnits.list', {});
  const data = useApi('recruits.pipeline', { unitId, stages: stages as never, dueOnly, limit: 50, offset: (page - 1) * 50 });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <UnitSelect units={units.data ?? []} allowClear style={{ width: 180 }} value={unitId} onChange={setUnitId} placeholder={r('cov.unit')} />
        <Select mode="multiple" allowClear style={{ minWidth: 220 }} placeholder={r('pipe.stage')} options={options(RECRUIT_STAGES).filter((o) => o.value !== 'full' && o.value !== 'cancelled')} value={stages} onChange={setStages} />
        <Checkbox checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)}>{r('pipe.dueOnly')}</Checkbox>
        <ExportButton size="small" input={{ list: 'pipeline', unitId }} />
      </Space>
      <Table<PipelineRow>
        size="small"
        rowKey="personId"
        loading={data.loading}
        dataSource={data.data?.rows ?? []}
        locale={{ emptyText: r('pipe.empty') }}
        pagination={{ current: page, pageSize: 50, total: data.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
        columns={[
          // The fixed columns are as narrow as their dates and labels allow, so the outlet keeps about
          // 12 characters at 1366 px (field trial: four); the whole name shows on hover.
          { title: r('name'), dataIndex: 'name', width: 80, ellipsis: true },
          { title: F('outletId'), dataIndex: 'outletName', ellipsis: { showTitle: false }, render: (v: string | null) => <span title={v ?? undefined} data-testid="pipeline-outlet">{v}</span> },
          { title: r('pipe.stage'), dataIndex: 'stage', width: 108, render: (v: string) => <Tag>{label(RECRUIT_STAGES, v)}</Tag> },
          { title: r('pipe.applied'), dataIndex: 'appliedOn', width: 92 },
          { title: r('pipe.activist'), dataIndex: 'activistOn', width: 92 },
          { title: r('pipe.candidate'), dataIndex: 'candidateOn', width: 92 },
          {
            // the points average sits under the admission day: a column of its own left outlet names too narrow at 1366 px
            title: r('pipe.probationary'), dataIndex: 'probationaryOn', width: 92,
            render: (d: string | null, row: PipelineRow) => (
              <>
                {d}
                {row.points && (
                  <Tooltip title={r('pipe.pointsTip', { n: row.points.quarters, grade: GRADES[row.points.grade][lang] })}>
                    <div>{r('pipe.points')} <span data-testid="pipeline-points">{row.points.score}</span></div>
                  </Tooltip>
                )}
              </>
            ),
          },
          { title: r('pipe.next'), dataIndex: 'next', width: 100, render: (v: string | null) => label(RECRUIT_STAGES, v) },
          { title: r('pipe.due'), dataIndex: 'dueOn', width: 92 },
          {
            title: '', dataIndex: 'state', width: lang === 'en' ? 120 : 92,
            render: (s: PipelineRow['state'], row) => s && <Tag color={row.band === 'yellow' ? 'gold' : STATE_COLOR[s]}>{s === 'overdue' ? r('pipe.state.overdue', { n: row.overdueDays }) : r(`pipe.state.${s}`)}</Tag>,
          },
          {
            // Cancelling is rare: an icon (named on hover and for screen readers) leaves the outlet its room.
            title: '', width: lang === 'en' ? 112 : 88,
            render: (_, row) => row.next && (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setStep({ row, to: row.next! })}>{r('pipe.advance')}</Button>
                <Tooltip title={r('pipe.cancel')}>
                  <Button size="small" type="text" danger icon={<StopOutlined />} aria-label={r('pipe.cancel')} onClick={() => setStep({ row, to: 'cancelled' })} />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      {step && <AdvanceModal row={step.row} to={step.to} onClose={(done) => { setStep(null); if (done) void data.reload(); }} />}
    </Space>
  );
}

function AdvanceModal({ row, to, onClose }: { row: PipelineRow; to: string; onClose(done: boolean): void }) {
  const r = useRegText();
  const { label, lang } = useT();
  const { message } = App.useApp();
  const [on, setOn] = useState<Dayjs | null>(() => dayjs(todayInBeijing()));
  const [branchId, setBranchId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const branches = useApi('partyOrgs.list', to === 'probationary' ? {} : null);
  const ok = async () => {
    setBusy(true);
    try {
      await call('recruits.advance', { personId: row.personId, to: to as 'full', on: on?.format('YYYY-MM-DD') ?? '', ...(branchId ? { branchId } : {}) });
      message.success(lang === 'en' ? 'Saved' : '已保存');
      onClose(true);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${row.name} → ${label(RECRUIT_STAGES, to)}`} onOk={ok} confirmLoading={busy} onCancel={() => onClose(false)}>
      <Form layout="vertical">
        <Form.Item label={r('pipe.on')} required><DatePicker value={on} onChange={setOn} style={{ width: '100%' }} /></Form.Item>
        {to === 'probationary' && (
          <Form.Item label={r('pipe.branch')} required>
            <Select showSearch optionFilterProp="label" value={branchId} onChange={setBranchId} options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
