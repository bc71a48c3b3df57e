import { Button, Card, Col, Empty, Input, Row, Space, Table, Tabs, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { Instructor, OrgUnit, PartyOrgSummary } from '../../../shared/org/types.js';
import { ORG_TYPES, ORG_UNIT_LEVELS, SETTING_MODES } from '../../../shared/domain/enums.js';
import { FIELD_LABELS } from '../../../shared/core/fieldLabels.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { InstructorForm } from './InstructorForm';
import { PartyOrgForm } from './PartyOrgForm';
import { childLevel, UnitForm } from './UnitForm';

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children: TreeNode[];
}

function buildTree(units: OrgUnit[], filter: string): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const keep = new Set<string>();
  if (filter) {
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      if (!u.name.includes(filter)) continue;
      for (let cur: OrgUnit | undefined = u; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) keep.add(cur.id);
    }
  }
  for (const u of units) {
    if (filter && !keep.has(u.id)) continue;
    nodes.set(u.id, {
      key: u.id,
      title: (
        <span>
          {u.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.outletCount}/{u.memberCount}</Typography.Text>
        </span>
      ),
      children: [],
    });
  }
  for (const u of units) {
    const n = nodes.get(u.id);
    if (!n) continue;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

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
  const tree = useMemo(() => buildTree(units.data ?? [], filter), [units.data, filter]);
  const L = (k: string) => FIELD_LABELS[k]![lang];
  const none = units.data && units.data.length === 0;

  return (
    <Row gutter={12}>
      <Col span={7}>
        <Card size="small" title={t('org.units')} extra={none && <Button size="small" type="primary" onClick={() => setUnitForm({})}>{t('org.newRoot')}</Button>}>
          {none ? (
            <Empty description={t('org.noUnits')} />
          ) : (
            <>
              <Input.Search allowClear size="small" placeholder={t('common.search')} onSearch={setFilter} style={{ marginBottom: 8 }} />
              <div style={{ height: 'calc(100vh - 210px)', overflow: 'auto' }}>
                <Tree treeData={tree} selectedKeys={selected ? [selected] : []} onSelect={(k) => setSelected(k[0] as string | undefined)} defaultExpandAll={(units.data?.length ?? 0) < 150 || !!filter}
                  defaultExpandedKeys={tree.flatMap((n) => [n.key, ...n.children.map((c) => c.key)])}
                  key={`${filter}|${units.data?.length ?? 0}`} blockNode />
              </div>
            </>
          )}
        </Card>
      </Col>
      <Col span={17}>
        {!unit ? (
          <Card size="small"><Empty description={t('org.selectUnit')} /></Card>
        ) : (
          <Card
            size="small"
            title={<Space>{unit.name}<Tag>{label(ORG_UNIT_LEVELS, unit.level)}</Tag><Typography.Text type="secondary">{unit.path}</Typography.Text></Space>}
            extra={childLevel(unit) && <Button size="small" icon={<PlusOutlined />} onClick={() => setUnitForm({ parent: unit })}>{`${t('common.new')}${label(ORG_UNIT_LEVELS, childLevel(unit))}`}</Button>}
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
                          { title: L('name'), dataIndex: 'name', ellipsis: true, render: (v: string, o) => <a onClick={() => setOrgForm({ id: o.id })}>{v}</a> },
                          { title: L('orgType'), dataIndex: 'orgType', width: 100, render: (v: string) => label(ORG_TYPES, v) },
                          { title: L('settingMode'), dataIndex: 'settingMode', width: 110, render: (v: string) => label(SETTING_MODES, v) },
                          { title: L('unitId'), dataIndex: 'unitName', width: 110, ellipsis: true },
                          { title: t('org.secretary'), dataIndex: 'secretaryName', width: 80, render: (v: string | null) => v ?? '—' },
                          { title: t('org.members'), dataIndex: 'memberCount', width: 60, align: 'right' },
                          { title: t('org.fullMembers'), dataIndex: 'fullMemberCount', width: 80, align: 'right' },
                          { title: t('org.outlets'), dataIndex: 'outletCount', width: 80, align: 'right' },
                          { title: L('termEnd'), dataIndex: 'termEnd', width: 100 },
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
