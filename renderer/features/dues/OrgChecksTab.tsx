// 组织设置检查: organisations breaking the committee rule (3–5 at ≥ 7 full members, a secretary only
// below), with a term ending within the reminder window or over, and members found in two branches.
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { ORG_TYPES } from '../../../shared/domain/enums.js';
import { ORG_ISSUES, type OrgIssue } from '../../../shared/org/checks.js';
import type { OrgCheckRow, TwoBranchRow } from '../../../shared/org/checksContract.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

export function OrgChecksTab() {
  const { t, lang, label } = useT();
  const checks = useApi('orgChecks.list', {});
  const d = checks.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d && d.twoBranches.length > 0 && (
        <Alert type="error" showIcon message={t('oc.twoBranches', { n: d.twoBranches.length })} description={
          <Table<TwoBranchRow> size="small" rowKey="personId" pagination={false} dataSource={d.twoBranches}
            columns={[{ title: t('oc.col.name'), dataIndex: 'name', width: 120 }, { title: t('oc.col.branches'), key: 'b', render: (_: unknown, r) => r.branches.map((b) => <Tag key={b.orgId}>{b.name}</Tag>) }]} />
        } />
      )}
      <Typography.Text type="secondary">{t('oc.hint')}</Typography.Text>
      <Table<OrgCheckRow>
        size="small" rowKey="orgId" loading={checks.loading} dataSource={d?.orgs ?? []} pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('oc.col.org'), dataIndex: 'name', ellipsis: true },
          { title: t('oc.col.type'), dataIndex: 'orgType', width: 110, render: (x: string) => label(ORG_TYPES, x) },
          { title: t('oc.col.full'), dataIndex: 'fullMembers', width: 100 },
          { title: t('oc.col.committee'), dataIndex: 'committeeSize', width: 100 },
          { title: t('oc.col.termEnd'), dataIndex: 'termEnd', width: 110, render: (x: string | null) => x ?? '—' },
          { title: t('oc.col.issues'), dataIndex: 'issues', render: (is: OrgIssue[]) => is.map((i) => <Tag key={i} color={i === 'term_ending' ? 'gold' : 'red'}>{ORG_ISSUES[i][lang]}</Tag>) },
        ]}
      />
    </Space>
  );
}
