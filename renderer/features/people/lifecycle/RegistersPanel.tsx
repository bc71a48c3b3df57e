import { Card, Col, Row, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { MOBILITY } from '../../../../shared/domain/enums.js';
import type { LostContactRow, MobilityRow } from '../../../../shared/people/types.js';
import { UnitSelect } from '../../../components/UnitSelect';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { ExportButton } from '../ExportButton';
import { PersonRecord } from '../record/PersonRecord';
import { useRegText } from '../text';

/** The mobility register (流动党员) and the lost-contact register (失联党员). Changes are recorded on the person. */
export function RegistersPanel() {
  const r = useRegText();
  const { label } = useT();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const units = useApi('orgUnits.list', {});
  const mobility = useApi('members.mobilityRegister', { unitId, limit: 500, offset: 0 });
  const lost = useApi('members.lostContactRegister', { unitId, limit: 500, offset: 0 });
  const name = (v: string, row: { personId: string }) => <a onClick={() => setOpen(row.personId)}>{v}</a>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <UnitSelect units={units.data ?? []} allowClear style={{ width: 200 }} value={unitId} onChange={setUnitId} placeholder={r('cov.unit')} />
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={`${r('reg.mobility')}（${mobility.data?.total ?? 0}）`} extra={<ExportButton size="small" input={{ list: 'mobility', unitId }} />}>
            <Table<MobilityRow>
              size="small" rowKey="personId" loading={mobility.loading} dataSource={mobility.data?.rows ?? []} locale={{ emptyText: r('reg.empty') }}
              pagination={{ pageSize: 15, hideOnSinglePage: true, size: 'small' }}
              columns={[
                { title: r('name'), dataIndex: 'name', width: 80, render: name },
                { title: r('col.type'), dataIndex: 'mobility', width: 90, render: (v: string) => <Tag>{label(MOBILITY, v)}</Tag> },
                { title: r('reg.destination'), dataIndex: 'destination', ellipsis: true },
                { title: r('reg.since'), dataIndex: 'since', width: 96 },
                { title: r('reg.card'), dataIndex: 'cardNo', width: 150, ellipsis: true },
                { title: r('reg.months'), dataIndex: 'monthsAway', width: 72, render: (v: number | null, row) => (row.shouldTransfer ? <Tooltip title={r('reg.transfer')}><Tag color="orange">{v}</Tag></Tooltip> : v) },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={`${r('reg.lost')}（${lost.data?.total ?? 0}）`} extra={<ExportButton size="small" input={{ list: 'lost_contact', unitId }} />}>
            <Table<LostContactRow>
              size="small" rowKey="personId" loading={lost.loading} dataSource={lost.data?.rows ?? []} locale={{ emptyText: r('reg.empty') }}
              pagination={{ pageSize: 15, hideOnSinglePage: true, size: 'small' }}
              columns={[
                { title: r('name'), dataIndex: 'name', width: 80, render: name },
                { title: r('reg.since'), dataIndex: 'since', width: 96 },
                { title: r('reg.reason'), dataIndex: 'reason', ellipsis: true },
                { title: r('reg.months'), dataIndex: 'monthsLost', width: 72 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <PersonRecord open={!!open} personId={open ?? undefined} onClose={(saved) => { setOpen(null); if (saved) { void mobility.reload(); void lost.reload(); } }} />
    </Space>
  );
}
