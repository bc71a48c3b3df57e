// The attendance list: expected members filled from the organisation, each present, absent (with
// a reason) or excused. Probationary members are marked: they attend but do not vote.
import { Button, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import type { AttendanceStatus } from '../../../../shared/orglife/contract.js';
import { ATTENDANCE_STATUS } from '../../../../shared/domain/enums.js';
import { useT } from '../../../i18n';

export interface MarkItem {
  personId: string;
  name: string;
  probationary: boolean;
  status: AttendanceStatus;
  reason: string | null;
  note?: string | null;
}

export function AttendanceEditor(props: { value: MarkItem[]; onChange(v: MarkItem[]): void; onRefill?(): void; errors?: Record<string, string> }) {
  const { t, options } = useT();
  const set = (personId: string, patch: Partial<MarkItem>) => props.onChange(props.value.map((m) => (m.personId === personId ? { ...m, ...patch } : m)));
  const present = props.value.filter((m) => m.status === 'present').length;
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text>{t('act.attendanceSummary', { expected: props.value.length, present, absent: props.value.length - present })}</Typography.Text>
        <Button size="small" onClick={() => props.onChange(props.value.map((m) => ({ ...m, status: 'present', reason: null })))}>{t('act.allPresent')}</Button>
        {props.onRefill && <Button size="small" onClick={props.onRefill}>{t('act.refill')}</Button>}
      </Space>
      <Table<MarkItem>
        size="small"
        rowKey="personId"
        pagination={false}
        scroll={{ y: 260 }}
        dataSource={props.value}
        locale={{ emptyText: t('act.noRoster') }}
        columns={[
          {
            title: t('act.person'), dataIndex: 'name', width: 170,
            render: (v: string, m) => (
              <Space size={4}>
                <span>{v}</span>
                {m.probationary && <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('act.probationary')}</Tag>}
                {m.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('act.attendStatus'), dataIndex: 'status', width: 210,
            render: (v: AttendanceStatus, m) => (
              <Radio.Group
                size="small"
                optionType="button"
                value={v}
                aria-label={`${m.name} ${t('act.attendStatus')}`}
                options={options(ATTENDANCE_STATUS)}
                onChange={(e) => set(m.personId, { status: e.target.value, reason: e.target.value === 'present' ? null : m.reason })}
              />
            ),
          },
          {
            title: t('act.reason'), dataIndex: 'reason',
            render: (v: string | null, m) =>
              m.status === 'present' ? null : (
                <Input
                  size="small"
                  maxLength={100}
                  value={v ?? ''}
                  status={props.errors?.[m.personId] ? 'error' : undefined}
                  placeholder={props.errors?.[m.personId] ?? t('act.reasonHint')}
                  aria-label={`${m.name} ${t('act.reason')}`}
                  onChange={(e) => set(m.personId, { reason: e.target.value || null })}
                />
              ),
          },
        ]}
      />
    </div>
  );
}
