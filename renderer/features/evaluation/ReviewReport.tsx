// The democratic review summary (评议汇总报告), printable: the meeting, counts per grade (masked for
// roles that may not see negative outcomes), the 优秀 list and the written summary. The dialog
// shows it; printing goes through PrintArea, so the PDF holds the report alone on A4.
import { Button, Modal, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { ReviewView } from '../../../shared/evaluation/types.js';
import { PrintArea, savePdf } from '../../components/PrintArea';
import { useT } from '../../i18n';

function ReviewDoc({ view: v }: { view: ReviewView }) {
  const { t, lang } = useT();
  const c = v.counts;
  const excellent = v.members.filter((m) => m.grade === 'excellent').map((m) => m.name);
  return (
    <>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>{t('rv.reportTitle', { org: v.orgName, year: v.year })}</Typography.Title>
      {v.activity && <Typography.Paragraph>{t('rv.reportMeeting', { title: v.activity.title, date: v.activity.heldOn })}</Typography.Paragraph>}
      <Typography.Paragraph>
        {v.seesAll
          ? t('rv.reportCounts', { eligible: v.eligible, excellent: c.excellent ?? 0, pass: c.pass ?? 0, basic: c.basic_pass ?? 0, fail: c.fail ?? 0 })
          : t('rv.reportCountsMasked', { eligible: v.eligible, excellent: c.excellent ?? 0, hidden: c.hidden })}
      </Typography.Paragraph>
      <Typography.Paragraph>{lang === 'en' ? 'Excellent: ' : '优秀：'}{excellent.join(lang === 'en' ? ', ' : '、') || '—'}</Typography.Paragraph>
      {v.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</Typography.Paragraph>}
    </>
  );
}

export function ReviewReport({ view: v, onClose }: { view: ReviewView; onClose(): void }) {
  const { t } = useT();
  const print = () => void savePdf(t('rv.reportTitle', { org: v.orgName, year: v.year }));
  return (
    <Modal open width={760} title={t('rv.report')} onCancel={onClose}
      footer={[<Button key="p" type="primary" icon={<FilePdfOutlined />} onClick={print} data-testid="review-report-print-button">{t('rv.print')}</Button>]}>
      <div data-testid="review-report"><ReviewDoc view={v} /></div>
      <PrintArea><div data-testid="review-report-print" style={{ padding: '8mm 6mm', fontSize: 14 }}><ReviewDoc view={v} /></div></PrintArea>
    </Modal>
  );
}
