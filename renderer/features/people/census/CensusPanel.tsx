import { Card, Col, Descriptions, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { create } from 'zustand';
import { CHANNEL_TYPES, POLITICAL_STATUS, POSTS } from '../../../../shared/domain/enums.js';
import { OutletSelect } from '../../../components/OutletSelect';
import { useApi } from '../../../components/useApi';
import { useT } from '../../../i18n';
import { useFieldLabel, useRegText } from '../text';
import { CensusForm } from './CensusForm';
import type { PersonRow } from '../../../../shared/people/personTypes.js';

/** The outlet being censused stays chosen across entries, tabs and reloads of the page. */
export const useCensusOutlet = create<{ outletId?: string; outletLabel?: string; set(id?: string, label?: string): void }>((set) => ({
  outletId: sessionStorage.getItem('rc.census.outlet') ?? undefined,
  outletLabel: sessionStorage.getItem('rc.census.outletLabel') ?? undefined,
  set: (outletId, outletLabel) => {
    if (outletId) sessionStorage.setItem('rc.census.outlet', outletId);
    else sessionStorage.removeItem('rc.census.outlet');
    sessionStorage.setItem('rc.census.outletLabel', outletLabel ?? '');
    set({ outletId, outletLabel });
  },
}));

/** 党员底数摸排: pick an outlet, then register everyone found there, one after another. */
export function CensusPanel() {
  const r = useRegText();
  const F = useFieldLabel();
  const { label } = useT();
  const { outletId, outletLabel, set } = useCensusOutlet();
  const outlet = useApi('census.outlet', outletId ? { outletId } : null);
  const o = outlet.data;
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Card size="small" title={r('census.outlet')}>
          <div style={{ maxWidth: 520, marginBottom: 12 }}>
            <OutletSelect
              id="census-outlet"
              placeholder={r('census.pickOutlet')}
              value={outletId}
              initialLabel={outletLabel}
              onChange={(v) => set(v, undefined)}
            />
          </div>
          {o && (
            <>
              <Descriptions size="small" column={3} items={[
                { key: 'type', label: F('channelType'), children: label(CHANNEL_TYPES, o.channelType) },
                { key: 'county', label: F('countyId'), children: o.countyName ?? '—' },
                { key: 'code', label: F('code'), children: o.code },
                { key: 'org', label: r('census.coverage'), children: o.coverageOrgName ?? <Tag color="red">{r('census.none')}</Tag> },
                { key: 'inst', label: r('census.instructor'), children: o.instructorName ?? <Tag color="orange">{r('census.none')}</Tag> },
              ]} />
              <Row gutter={12} style={{ margin: '8px 0 12px' }}>
                <Col span={6}><Statistic title={r('census.registered')} value={o.registered} suffix={o.staffCount ? `/ ${o.staffCount}` : undefined} /></Col>
                <Col span={6}><Statistic title={r('census.members')} value={o.members} /></Col>
                <Col span={12}><Statistic title={r('census.missingConsent')} value={o.missingConsent} styles={{ content: { color: o.missingConsent ? '#cf1322' : undefined } }} /></Col>
              </Row>
              <CensusForm
                outletId={o.id}
                defaultBranchId={o.coverageOrgId}
                onSaved={() => {
                  set(o.id, `${o.name}（${o.code}）`);
                  void outlet.reload();
                }}
              />
            </>
          )}
          {!outletId && <Empty description={r('census.pickOutlet')} />}
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title={r('census.list')}>
          <Table<PersonRow>
            size="small"
            rowKey="id"
            dataSource={o?.people ?? []}
            pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small' }}
            locale={{ emptyText: outletId ? '—' : r('census.pickOutlet') }}
            columns={[
              { title: r('name'), dataIndex: 'name', width: 80 },
              { title: F('citizenId'), dataIndex: 'citizenId', width: 170, render: (v: string | null) => <Typography.Text style={{ fontSize: 12 }}>{v}</Typography.Text> },
              { title: F('post'), dataIndex: 'post', width: 70, render: (v: string) => label(POSTS, v) },
              { title: F('politicalStatus'), dataIndex: 'politicalStatus', render: (v: string) => <Tag color={v === 'full_member' ? 'red' : v === 'probationary' ? 'volcano' : undefined}>{label(POLITICAL_STATUS, v)}</Tag> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
