// One member's ledger for the year: every entry, what it counted after the yearly caps, where it
// came from (an attendance mark or lecture, or by hand with reason and evidence).
import { Drawer, Table, Tag, Typography } from 'antd';
import type { LedgerRow } from '../../../shared/points/types.js';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';

export function LedgerDrawer({ personId, year, onClose }: { personId: string; year: number; onClose(): void }) {
  const { t, lang } = useT();
  const ledger = useApi('points.ledger', { personId, year });
  const d = ledger.data;
  return (
    <Drawer open width={1040} onClose={onClose} title={d ? t('points.ledger', { name: d.name, year }) : ''}>
      <Table<LedgerRow>
        size="small" rowKey="id" loading={ledger.loading} dataSource={d?.rows ?? []} pagination={false}
        columns={[
          { title: t('points.ledger.quarter'), dataIndex: 'quarter', width: 110, render: (q: string, r) => <>{q}{r.movedFrom && <div><Typography.Text type="secondary">{t('points.ledger.moved', { q: r.movedFrom })}</Typography.Text></div>}</> },
          { title: t('points.ledger.date'), dataIndex: 'occurredOn', width: 100 },
          { title: t('points.ledger.item'), key: 'item', width: 170, render: (_: unknown, r) => (lang === 'en' ? r.itemEn : r.itemZh) },
          { title: t('points.ledger.points'), dataIndex: 'points', width: 70, render: (v: number) => <span style={{ color: v < 0 ? '#cf1322' : undefined }}>{v > 0 ? `+${v}` : v}</span> },
          { title: t('points.ledger.counted'), dataIndex: 'counted', width: 70, render: (v: number, r) => (v === r.points ? v : <Typography.Text type="warning">{v}</Typography.Text>) },
          { title: t('points.ledger.source'), dataIndex: 'source', width: 80, render: (s: LedgerRow['source']) => <Tag color={s === 'auto' ? 'blue' : 'default'}>{t(`points.ledger.${s}`)}</Tag> },
          { title: t('points.ledger.reason'), key: 'reason', render: (_: unknown, r) => <>{r.reason}{r.evidence && <div><Typography.Text type="secondary">{r.evidence}</Typography.Text></div>}</> },
          { title: t('points.ledger.by'), dataIndex: 'createdBy', width: 100 },
        ]}
      />
    </Drawer>
  );
}
