// 阈值设置: the warning thresholds, edited through settings.set by county organisers and HQ; the
// backend refuses a set whose bands overlap or leave a gap, with the reason on the screen.
import { Alert, App, Button, Card, Form, InputNumber, Space, Table, Typography } from 'antd';
import { COUNT_INDICATORS, RATIO_INDICATORS, type Thresholds } from '../../../shared/assessment/thresholds.js';
import { call } from '../../api/client';
import { errorText } from '../../components/formErrors';
import { useApi } from '../../components/useApi';
import { useT } from '../../i18n';
import { INDICATORS_L } from './labels';

const EDITORS = new Set(['county_organiser', 'hq_admin']);
const MONTHS = new Set<string>(['member_gap']);

export function ThresholdsTab() {
  const { t, label, lang } = useT();
  const { message } = App.useApp();
  const session = useApi('session.info', {});
  const settings = useApi('assessment.settings', {});
  const orglife = useApi('orgLife.settings', {});
  const [form] = Form.useForm<Thresholds>();
  const editable = EDITORS.has(session.data?.role ?? '');
  const th = settings.data?.thresholds;
  const save = async (v: Thresholds) => {
    const value = Object.fromEntries(RATIO_INDICATORS.map((k) => [k, { green: v[k].green / 100, yellow: v[k].yellow / 100 }]));
    try {
      const counts = Object.fromEntries(COUNT_INDICATORS.map((k) => [k, { yellowFrom: v[k].yellowFrom, redFrom: v[k].redFrom }]));
      await call('settings.set', { key: 'assessment.thresholds', value: { ...value, ...counts } });
      message.success(t('as.thresholdsSaved'));
      void settings.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  if (!th) return null;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const initial = {
    ...Object.fromEntries(RATIO_INDICATORS.map((k) => [k, { green: pct(th[k].green), yellow: pct(th[k].yellow) }])),
    ...Object.fromEntries(COUNT_INDICATORS.map((k) => [k, th[k]])),
  };
  const num = (path: [string, string], suffix: string) => (
    <Form.Item name={path} noStyle rules={[{ required: true }]}>
      <InputNumber size="small" min={0} max={suffix === '%' ? 100 : 3660} step={suffix === '%' ? 0.5 : 1} disabled={!editable} suffix={suffix} style={{ width: 110 }}
        aria-label={`${label(INDICATORS_L, path[0])} ${path[1]}`} />
    </Form.Item>
  );
  return (
    <Card size="small" data-testid="as-thresholds">
      <Typography.Paragraph>{t('as.thresholdsIntro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('as.readOnly')} />}
      <Form form={form} initialValues={initial} onFinish={save}>
        <Space align="start" size={24} wrap>
          <Table size="small" pagination={false} rowKey="k" dataSource={RATIO_INDICATORS.map((k) => ({ k }))} columns={[
            { title: t('as.title'), dataIndex: 'k', width: 230, render: (k: string) => label(INDICATORS_L, k) },
            { title: t('as.greenFrom'), key: 'g', render: (_: unknown, r) => num([r.k, 'green'], t('as.unitPct')) },
            { title: t('as.yellowFrom'), key: 'y', render: (_: unknown, r) => num([r.k, 'yellow'], t('as.unitPct')) },
          ]} />
          <Table size="small" pagination={false} rowKey="k" dataSource={COUNT_INDICATORS.map((k) => ({ k }))} columns={[
            { title: t('as.title'), dataIndex: 'k', width: 200, render: (k: string) => label(INDICATORS_L, k) },
            { title: t('as.countYellow'), key: 'y', render: (_: unknown, r) => num([r.k, 'yellowFrom'], MONTHS.has(r.k) ? t('as.unitMonths') : t('as.unitDays')) },
            { title: t('as.countRed'), key: 'r', render: (_: unknown, r) => num([r.k, 'redFrom'], MONTHS.has(r.k) ? t('as.unitMonths') : t('as.unitDays')) },
          ]} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('as.ruleRows', { day: orglife.data?.warning.monthlyYellowAfterDay ?? 20 })} {t('as.dualTrackNote')}
        </Typography.Paragraph>
        {editable && <Button type="primary" htmlType="submit">{t('as.save')}</Button>}
      </Form>
    </Card>
  );
}
