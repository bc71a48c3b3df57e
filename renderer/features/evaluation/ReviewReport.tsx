// The democratic review summary (评议汇总报告), printable: the meeting, counts per grade (masked for
// roles that may not see negative outcomes), the 优秀 list and the written summary.
import { Button, Modal, Typography } from 'antd';
import type { ReviewView } from '../../../shared/evaluation/types.js';
import { useT } from '../../i18n';

export function ReviewReport({ view: v, onClose }: { view: ReviewView; onClose(): void }) {
  const { t, lang } = useT();
  const c = v.counts;
  const excellent = v.members.filter((m) => m.grade === 'excellent').map((m) => m.name);
  return (
    <Modal open width={760} title={t('rv.report')} onCancel={onClose} footer={[<Button key="p" type="primary" onClick={() => window.print()}>{t('rv.print')}</Button>]}>
      <div className="rc-print" data-testid="review-report">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>{t('rv.reportTitle', { org: v.orgName, year: v.year })}</Typography.Title>
        {v.activity && <Typography.Paragraph>{t('rv.reportMeeting', { title: v.activity.title, date: v.activity.heldOn })}</Typography.Paragraph>}
        <Typography.Paragraph>
          {v.seesAll
            ? t('rv.reportCounts', { eligible: v.eligible, excellent: c.excellent ?? 0, pass: c.pass ?? 0, basic: c.basic_pass ?? 0, fail: c.fail ?? 0 })
            : t('rv.reportCountsMasked', { eligible: v.eligible, excellent: c.excellent ?? 0, hidden: c.hidden })}
        </Typography.Paragraph>
        <Typography.Paragraph>{lang === 'en' ? 'Excellent: ' : '优秀：'}{excellent.join(lang === 'en' ? ', ' : '、') || '—'}</Typography.Paragraph>
        {v.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</Typography.Paragraph>}
      </div>
    </Modal>
  );
}
