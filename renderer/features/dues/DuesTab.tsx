// 党费收缴: every member in scope with this month paid or not and the months owed, first page
// server-side; amounts only for the county organiser and, for their branch's members, the branch
// secretary (the backend sends null where the user may not see them, db/dues/visibility.ts).
import { Alert, App, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { DUES_CATEGORIES } from '../../../shared/dues/rules.js';
import type { DuesRow } from '../../../shared/dues/types.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { MemberDuesDrawer } from './MemberDuesDrawer';

const PAGE = 20;

export function DuesTab() {
  const { t, lang, label } = useT();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<'all' | 'owing' | 'no_base'>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<DuesRow | null>(null);
  const rules = useApi('dues.rules', {});
  const list = useApi('dues.list', { filter, ...(search ? { search } : {}), limit: PAGE, offset: (page - 1) * PAGE });
  const year = +(rules.data?.thisMonth ?? '2026').slice(0, 4);
  const sees = list.data?.seesAmounts ?? false;
  const exportLedger = async () => {
    try {
      const f = await call('dues.export', { year });
      downloadFile(f);
      message.success(t('dues.exported', { n: f.rows }));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  const money = (v: string | null) => (v === null ? <Tag>{t('dues.hidden')}</Tag> : v);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={filter} onChange={(v) => { setFilter(v as typeof filter); setPage(1); }}
          options={(['all', 'owing', 'no_base'] as const).map((k) => ({ value: k, label: t(`dues.filter.${k}`) }))}
        />
        <Input.Search aria-label={t('dues.search')} placeholder={t('dues.search')} allowClear style={{ width: 200 }} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} />
        <Button onClick={exportLedger}>{t('dues.export', { year })}</Button>
        {list.data && <Tag color={list.data.owing ? 'red' : 'green'}>{t('dues.owingCount', { n: list.data.owing })}</Tag>}
      </Space>
      {list.data && !sees && <Alert type="info" showIcon message={t('dues.amountsHidden')} />}
      {!!rules.data?.secretaryOf.length && <Alert type="info" showIcon data-testid="dues-secretary" message={t('dues.secretaryAmounts', { branches: rules.data.secretaryOf.join(lang === 'en' ? ', ' : '、') })} />}
      <Table<DuesRow>
        rowKey="personId" size="small" loading={list.loading} dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('dues.col.name'), dataIndex: 'name', width: 110, render: (n: string, r) => <>{n}{r.probationary && <Tag style={{ marginLeft: 4 }}>{lang === 'en' ? 'Prob.' : '预备'}</Tag>}</> },
          { title: t('dues.col.branch'), dataIndex: 'branchName', ellipsis: true },
          { title: t('dues.col.category'), dataIndex: 'category', width: 130, render: (c: DuesRow['category']) => (c ? label(DUES_CATEGORIES, c) : <Tag color="orange">{t('dues.noBase')}</Tag>) },
          { title: t('dues.col.thisMonth'), dataIndex: 'thisMonthPaid', width: 80, render: (p: boolean, r) => (r.start === null ? '—' : <Tag color={p ? 'green' : 'default'}>{p ? t('dues.paid') : t('dues.unpaid')}</Tag>) },
          { title: t('dues.col.owed'), key: 'owed', width: 100, render: (_: unknown, r) => (r.owedMonths.length ? <Tag color="red">{r.owedMonths.length}</Tag> : <Tag color="green">0</Tag>) },
          { title: t('dues.col.lapsed'), dataIndex: 'lapsedMonths', width: 100, render: (n: number) => (n ? <Tag color="volcano">{n}</Tag> : 0) },
          { title: t('dues.col.monthly'), dataIndex: 'monthly', width: 110, align: 'right', render: (v: string | null, r) => (r.start === null ? '—' : money(v)) },
          { title: t('dues.col.owedAmount'), dataIndex: 'owed', width: 120, align: 'right', render: (v: string | null, r) => (r.start === null ? '—' : money(v)) },
          { title: t('dues.col.lastPaid'), dataIndex: 'lastPaidMonth', width: 90, render: (m: string | null) => m ?? '—' },
          // Only those who may record a payment are offered 缴费; the others open the same drawer read-only.
          { title: '', key: 'act', width: 70, render: (_: unknown, r) => <Button size="small" type="link" onClick={() => setOpen(r)}>{t(rules.data?.mayRecord ? 'dues.open' : 'dues.view')}</Button> },
        ]}
      />
      {open && <MemberDuesDrawer personId={open.personId} name={open.name} mayRecord={rules.data?.mayRecord ?? false} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </Space>
  );
}
