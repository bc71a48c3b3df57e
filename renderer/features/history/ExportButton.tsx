// 导出修改记录: an organisation's history for a period, as Excel, from the organisation's page.
// Values come masked as the role requires (ids and phones always; positions and amounts for roles
// that may not see them), and the backend logs the export in the registry audit like every export.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInBeijing } from '../../../shared/core/dates.js';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../components/formErrors';
import { useT } from '../../i18n';

/** This month so far: what an organiser most often hands over (a monthly check). */
function thisMonth(): [Dayjs, Dayjs] {
  const today = dayjs(todayInBeijing());
  return [today.startOf('month'), today];
}

export function HistoryExportButton({ unitId, unitName, size = 'small' }: { unitId: string; unitName: string; size?: 'small' | 'middle' }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(thisMonth);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const f = await call('history.export', { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), unitId });
      downloadFile(f);
      message.success(t('history.export.done', { n: f.rows }));
      setOpen(false);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size={size} icon={<DownloadOutlined />} data-testid="history-export" onClick={() => { setRange(thisMonth()); setError(null); setOpen(true); }}>
        {t('history.export')}
      </Button>
      <Modal
        open={open}
        title={`${t('history.export')} · ${unitName}`}
        okText={t('history.export.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, icon: <DownloadOutlined /> }}
        onOk={() => void run()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('history.export.period')} required>
            <DatePicker.RangePicker
              aria-label={t('history.export.period')}
              allowClear={false}
              value={range}
              disabledDate={(d) => d.isAfter(dayjs(todayInBeijing()), 'day')}
              onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('history.export.note')}</Typography.Paragraph>
        {error && <Typography.Text type="danger" data-testid="history-export-error">{error}</Typography.Text>}
      </Modal>
    </>
  );
}
