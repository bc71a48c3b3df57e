// One branch's quarter: the table with ranking and grades (frozen once published), the actions the
// user's role allows, the publication with its objections, each member's ledger on a click, and the
// table as published printed alone to PDF (PointsPrint).
import { DownloadOutlined, FilePdfOutlined, PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TallyRow } from '../../../shared/points/tally.js';
import type { QuarterTable } from '../../../shared/points/types.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { PrintArea, savePdf } from '../../components/PrintArea';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { EntryModal } from './EntryModal';
import { GradeTag, NameCell } from './grades';
import { LedgerDrawer } from './LedgerDrawer';
import { PointsPrint, printTitle } from './PointsPrint';
import { PublicationPanel } from './PublicationPanel';

const STATUS_COLOR = { draft: 'default', published: 'gold', approved: 'green' } as const;

export function QuarterView({ orgId, quarter }: { orgId: string; quarter: string }) {
  const { t, lang } = useT();
  const { message, modal } = App.useApp();
  const table = useApi('points.table', { orgId, quarter });
  const rules = useApi('points.rules', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [ledgerOf, setLedgerOf] = useState<string | null>(null);
  // The table as printed: kept in the page after printing (as the scorecard does), replaced by the next print.
  const [printed, setPrinted] = useState<QuarterTable | null>(null);
  const session = useApi('session.info', {});
  const d = table.data;
  useEffect(() => setPrinted(null), [orgId, quarter]);
  // Printed once the document is in the page.
  useEffect(() => {
    if (!printed) return;
    void savePdf(printTitle(printed, t)).then((r) => {
      if (r.via === 'electron' && r.saved) message.success(t('points.pdfSaved', { path: r.path ?? '' }));
      else if (r.via === 'electron' && r.message) message.error(r.message);
    });
  }, [printed]);

  const run = async (what: string, fn: () => Promise<string>) => {
    setBusy(what);
    try {
      message.success(await fn());
      await table.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(null);
    }
  };
  const derive = () => run('derive', async () => {
    const r = await call('points.derive', { orgId, quarter });
    return r.withdrawn ? t('points.derivedWithdrawn', { n: r.added, m: r.withdrawn }) : t('points.derived', { n: r.added });
  });
  const publish = () =>
    modal.confirm({
      title: t('points.publish'), content: t('points.publishConfirm', { days: rules.data?.settings.objectionDays ?? '' }),
      onOk: () => run('publish', async () => t('points.published', { date: (await call('points.publish', { orgId, quarter })).publication!.windowEnds })),
    });
  const exportXlsx = () => run('export', async () => {
    const f = await call('points.export', { orgId, quarter });
    downloadFile(f);
    return t('points.exported', { n: f.rows });
  });

  const columns = [
    { title: t('points.col.rank'), dataIndex: 'rank', width: 64 },
    { title: t('points.col.name'), key: 'name', render: (_: unknown, r: TallyRow) => <Typography.Link onClick={() => setLedgerOf(r.personId)}><NameCell name={r.name} probationary={r.probationary} /></Typography.Link> },
    { title: t('points.col.base'), dataIndex: 'base', width: 80 },
    { title: t('points.col.earned'), dataIndex: 'earned', width: 80, render: (v: number) => (v ? `+${v}` : 0) },
    { title: t('points.col.deducted'), dataIndex: 'deducted', width: 80, render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>−{v}</span> : 0) },
    { title: t('points.col.overCap'), dataIndex: 'overCap', width: 100, render: (v: number) => v || '' },
    { title: t('points.col.total'), dataIndex: 'total', width: 80, render: (v: number) => <strong>{v}</strong> },
    { title: t('points.col.grade'), dataIndex: 'grade', width: 90, render: (g: TallyRow['grade']) => <GradeTag grade={g} /> },
    { title: t('points.col.lowest'), dataIndex: 'lowest', width: 100, render: (v: boolean) => (v ? <Tag color="volcano">{t('points.lowestTag')}</Tag> : null) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Text strong>{d ? `${d.orgName} · ${quarter}` : quarter}</Typography.Text>
          {d && <Tag color={STATUS_COLOR[d.status]} data-testid="points-status">{t(`points.status.${d.status}`)}</Tag>}
          {d?.publication && d.status === 'published' && <Typography.Text type="secondary">{t('points.window', { date: d.publication.windowEnds })}</Typography.Text>}
        </Space>
        <Space wrap>
          {d?.may.derive && d.status !== 'approved' && <Button icon={<SyncOutlined />} loading={busy === 'derive'} onClick={derive}>{t('points.derive')}</Button>}
          {d?.may.addEntry && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('points.add')}</Button>}
          {d?.may.publish && d.status === 'draft' && <Button type="primary" loading={busy === 'publish'} onClick={publish}>{t('points.publish')}</Button>}
          <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={exportXlsx}>{t('points.export')}</Button>
          <Button icon={<FilePdfOutlined />} disabled={!d || !session.data} onClick={() => d && setPrinted({ ...d })} data-testid="points-print-button">{t('points.print')}</Button>
        </Space>
      </Space>
      {table.error && <Alert type="error" showIcon message={lang === 'en' ? table.error.body.messageEn : table.error.body.message} />}
      {d?.liveDiffers && <Alert type="info" showIcon message={t('points.liveDiffers')} />}
      <Table<TallyRow>
        size="small" rowKey="personId" loading={table.loading} dataSource={d?.rows ?? []} columns={columns} pagination={false}
        locale={{ emptyText: t('points.empty') }} scroll={{ y: 360 }}
      />
      {d && d.status !== 'draft' && <PublicationPanel table={d} onChanged={table.reload} />}
      {adding && d && (
        <EntryModal
          members={d.rows.map((r) => ({ personId: r.personId, name: r.name }))} items={rules.data?.settings.items ?? []}
          onClose={() => setAdding(false)} onSaved={async () => { setAdding(false); await table.reload(); }}
        />
      )}
      {printed && session.data && <PrintArea><PointsPrint table={printed} role={session.data.role} /></PrintArea>}
      {ledgerOf && <LedgerDrawer personId={ledgerOf} year={+quarter.slice(0, 4)} onClose={() => setLedgerOf(null)} />}
    </Space>
  );
}
