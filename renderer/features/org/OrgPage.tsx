import { Button, Card, Col, Empty, Input, Row, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Instructor, OrgUnit, PartyOrgSummary } from '../../../shared/org/types.js';
import { ORG_TYPES, ORG_UNIT_LEVELS, SETTING_MODES } from '../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { HistoryExportButton } from '../history';
import { InstructorForm } from './InstructorForm';
import { OrgTree } from './OrgTree';
import { PartyOrgForm } from './PartyOrgForm';
import { childLevel, UnitForm } from './UnitForm';

export function OrgPage() {
  const { t, label, lang } = useT();
  const units = useApi('orgUnits.list', {});
  const [selected, setSelected] = useState<string | undefined>();
  const [filter, setFilter] = useState('');
  const [unitForm, setUnitForm] = useState<{ parent?: OrgUnit } | null>(null);
  const [orgForm, setOrgForm] = useState<{ id?: string } | null>(null);
  const [insForm, setInsForm] = useState<{ ins?: Instructor } | null>(null);
  const unit = units.data?.find((u) => u.id === selected);
  const orgs = useApi('partyOrgs.list', unit ? { unitId: unit.id } : null);
  const instructors = useApi('instructors.list', unit ? { unitId: unit.id } : null);
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const none = units.data && units.data.length === 0;

  return (
    <Row gutter={12}>
      <Col span={6}>
        <Card size="small" title={t('org.units')} extra={none && <Button size="small" type="primary" onClick={() => setUnitForm({})}>{t('org.newRoot')}</Button>}>
          {none ? (
            <Empty description={t('org.noUnits')} />
          ) : (
            <>
              <Input.Search allowClear size="small" placeholder={t('common.search')} onSearch={setFilter} style={{ marginBottom: 8 }} />
              <OrgTree units={units.data ?? []} filter={filter} selected={selected} onSelect={setSelected} />
            </>
          )}
        </Card>
      </Col>
      <Col span={18}>
        {!unit ? (
          <Card size="small"><Empty description={t('org.selectUnit')} /></Card>
        ) : (
          <Card
            size="small"
            title={<Space>{unit.name}<Tag>{label(ORG_UNIT_LEVELS, unit.level)}</Tag><Typography.Text type="secondary">{unit.path}</Typography.Text></Space>}
            extra={<Space><HistoryExportButton unitId={unit.id} unitName={unit.name} />{childLevel(unit) && <Button size="small" icon={<PlusOutlined />} onClick={() => setUnitForm({ parent: unit })}>{lang === 'en' ? `${t('common.new')} ${label(ORG_UNIT_LEVELS, childLevel(unit)).toLowerCase()}` : `${t('common.new')}${label(ORG_UNIT_LEVELS, childLevel(unit))}`}</Button>}</Space>}
          >
            <Tabs
              items={[
                {
                  key: 'orgs',
                  label: `${t('org.partyOrgs')}（${orgs.data?.length ?? 0}）`,
                  children: (
                    <>
                      <Button type="primary" size="small" icon={<PlusOutlined />} style={{ marginBottom: 8 }} onClick={() => setOrgForm({})}>{t('org.newPartyOrg')}</Button>
                      <Table<PartyOrgSummary>
                        size="small" rowKey="id" loading={orgs.loading} dataSource={orgs.data ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
                        scroll={{ y: 'calc(100vh - 330px)' }}
                        locale={{ emptyText: t('common.none') }}
                        columns={[
                          // The name takes what the fixed columns leave (about 12 characters at 1366 px); the
                          // whole name shows on hover. English headers are short enough not to break inside a word.
                          { title: L('name'), dataIndex: 'name', ellipsis: { showTitle: false }, render: (v: string, o) => <a title={v} data-testid="party-org-name" onClick={() => setOrgForm({ id: o.id })}>{v}</a> },
                          { title: t('org.col.type'), dataIndex: 'orgType', width: 96, ellipsis: true, render: (v: string) => label(ORG_TYPES, v) },
                          { title: t('org.col.mode'), dataIndex: 'settingMode', width: 112, ellipsis: true, render: (v: string) => label(SETTING_MODES, v) },
                          { title: L('unitId'), dataIndex: 'unitName', width: 104, ellipsis: true },
                          { title: t('org.secretary'), dataIndex: 'secretaryName', width: 84, ellipsis: true, render: (v: string | null) => v ?? '—' },
                          {
                            title: <Tooltip title={t('org.membersFullHint')}>{t('org.membersFull')}</Tooltip>, dataIndex: 'memberCount', width: 96, align: 'right',
                            render: (n: number, o) => t('org.membersFullValue', { n, full: o.fullMemberCount }),
                          },
                          { title: <Tooltip title={t('org.outletsHint')}>{t('org.col.outlets')}</Tooltip>, dataIndex: 'outletCount', width: 72, align: 'right' },
                          { title: L('termEnd'), dataIndex: 'termEnd', width: 96 },
                        ]}
                      />
                    </>
                  ),
                },
                {
                  key: 'instructors',
                  label: `${t('nav.instructors')}（${instructors.data?.length ?? 0}）`,
                  children: (
                    <>
                      <Button size="small" icon={<PlusOutlined />} style={{ marginBottom: 8 }} onClick={() => setInsForm({})}>{t('common.new')}</Button>
                      <Table<Instructor>
                        size="small" rowKey="id" dataSource={instructors.data ?? []} pagination={false} locale={{ emptyText: t('common.none') }}
                        columns={[
                          { title: L('name'), dataIndex: 'name', render: (v: string, i) => <a onClick={() => setInsForm({ ins: i })}>{v}</a> },
                          { title: L('phone'), dataIndex: 'phone' },
                          { title: L('unitId'), dataIndex: 'unitName' },
                          { title: t('org.outlets'), dataIndex: 'outletCount', align: 'right' },
                          { title: '', dataIndex: 'active', render: (a: boolean) => (a ? null : <Tag>{lang === 'zh' ? '离岗' : 'Inactive'}</Tag>) },
                        ]}
                      />
                    </>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Col>
      <UnitForm open={!!unitForm} parent={unitForm?.parent} onClose={(s) => { setUnitForm(null); if (s) { void units.reload(); setSelected(s.id); } }} />
      <PartyOrgForm open={!!orgForm} orgId={orgForm?.id} unitId={unit?.id} units={units.data ?? []} onClose={(s) => { setOrgForm(null); if (s) { void orgs.reload(); void units.reload(); } }} />
      <InstructorForm open={!!insForm} unitId={unit?.id} instructor={insForm?.ins} onClose={(s) => { setInsForm(null); if (s) void instructors.reload(); }} />
    </Row>
  );
}
